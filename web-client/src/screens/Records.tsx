import { useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api } from '../api/instance';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { errorText } from '../api/instance';
import { useI18n } from '../lang';
import {
  factsErrors, factsToForm, formToFacts, ganttWeeks, nextActivityId, parseWeek, weekIndex, weekSpanLabel,
  type FactsField, type FactsForm as FactsFormValues,
} from '../meeting/gantt';
import {
  isLate, isoWeek, lightHistory, todayIso, type Facts, type Light, type Organisations, type RecordsSnapshot,
} from '../meeting/meetingModel';
import { useLiveRecords } from '../meeting/useLiveMeeting';
import { projectReader } from '../risk/useLiveRisks';
import { facilitatorCredential } from '../session';

const LIGHT_LABEL: Record<Light, string> = { ON_TRACK: 'Enligt plan', MINOR: 'Mindre komplikationer', MAJOR: 'Komplikationer' };

/** A traffic light as colour AND text, never colour alone. */
/** A wide table scrolls sideways in a region of its own on a phone, never the page. */
export function ScrollTable({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}

export function LightBadge({ light }: { light: Light | null }) {
  if (!light) return <span class="muted">–</span>;
  return <span class={`light light-${light.toLowerCase()}`} data-light={light}><span class="light-dot" aria-hidden="true" />{LIGHT_LABEL[light]}</span>;
}

/**
 * The Gantt view: activities and milestones by ISO week. Every bar also says its weeks in text
 * and every milestone its due date (never colour alone), and the same rows are a real table, so
 * a screen reader reads it as one; it scrolls sideways inside its own region on a phone. The
 * facilitator can take an activity off the timeline from its row.
 */
function Timeline({ records, projectId, credential }: { records: RecordsSnapshot; projectId: string; credential: Credential | null }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const activities = records.activities ?? [];
  const weeks = ganttWeeks(records.facts, activities, records.milestones);
  if (weeks.length === 0) return null;
  const at = (date: string | null) => (date ? weekIndex(weeks, isoWeek(date)) : -1);
  const header = (
    <tr>
      <th scope="col">{t('records.activity')}</th>
      {weeks.map((w, i) => (
        <th scope="col" key={`${w.year}-${w.week}`} class="gantt-week">
          {(i === 0 || w.week === 1) && <span class="gantt-year">{w.year} </span>}
          <abbr title={t('records.week', { week: w.week })}>{w.week}</abbr>
        </th>
      ))}
    </tr>
  );
  return (
    <section class="card">
      <h2 id="timeline-title">{t('records.timeline')}</h2>
      <p class="muted">{t('records.timelineHint')}</p>
      <div class="gantt-scroll" role="region" aria-labelledby="timeline-title" tabIndex={0}>
        <table class="gantt" data-testid="gantt">
          <thead>{header}</thead>
          <tbody>
            {activities.map((a) => {
              const from = weekIndex(weeks, parseWeek(a.startWeek));
              const to = weekIndex(weeks, parseWeek(a.endWeek));
              const label = weekSpanLabel(a.startWeek, a.endWeek);
              return (
                <tr key={a.id} data-testid={`gantt-${a.id}`}>
                  <th scope="row" class="gantt-label">{a.id} {a.name} <span class="gantt-span">({label})</span>
                    {credential && (
                      <button type="button" class="button secondary small" data-testid={`remove-activity-${a.id}`}
                        aria-label={t('records.removeActivityLabel', { id: a.id, name: a.name })}
                        onClick={() => {
                          if (window.confirm(t('records.removeActivityConfirm', { id: a.id, name: a.name }))) {
                            setError(null);
                            api.meeting.removeActivity(credential, projectId, a.id).catch(setError);
                          }
                        }}>
                        {t('records.removeActivity')}
                      </button>
                    )}
                  </th>
                  {weeks.map((w, i) => {
                    const on = from >= 0 && i >= from && i <= to;
                    return (
                      <td key={i} class={on ? 'gantt-cell gantt-bar' : 'gantt-cell'}>
                        {on && <span class="visually-hidden">{t('records.active')}</span>}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {records.milestones.map((m) => {
              const due = at(m.due ?? m.planned);
              return (
                <tr key={m.id} data-testid={`gantt-${m.id}`} class="gantt-milestone">
                  <th scope="row" class="gantt-label">
                    ◆ {m.id} {m.name} <span class="gantt-span">({m.due ?? m.planned ?? '–'}{m.late ? `, ${t('records.late')}` : ''})</span>
                  </th>
                  {weeks.map((w, i) => (
                    <td key={i} class={`gantt-cell${i === due ? (m.late ? ' due late' : ' due') : ''}`}>
                      {i === due && <span aria-hidden="true">◆</span>}
                      {i === due && <span class="visually-hidden">{m.late ? t('records.late') : t('records.due')}</span>}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorBox text={error ? errorText(error, t) : null} />
    </section>
  );
}

/** The facilitator sets the project's facts; the dates are checked here and again by the server (400). */
function FactsForm({ projectId, credential, facts }: { projectId: string; credential: Credential; facts: Facts | null }) {
  const { t } = useI18n();
  const [form, setForm] = useState<FactsFormValues>(() => factsToForm(facts));
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errors = factsErrors(form);
  const shown = tried ? errors : {};
  const submit = (e: Event) => {
    e.preventDefault();
    setTried(true);
    setSaved(false);
    setError(null);
    if (Object.keys(errors).length > 0) return;
    api.meeting.setFacts(credential, projectId, formToFacts(form)).then(() => setSaved(true)).catch(setError);
  };
  const field = (key: FactsField, label: string, kind: 'text' | 'date' | 'area' = 'text', hint?: string) => {
    const id = `facts-${key}`;
    const problem = shown[key];
    const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter((x) => x !== '').join(' ') || undefined;
    const common = {
      id, value: form[key], 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy,
      'data-testid': id,
    };
    const onInput = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => setForm({ ...form, [key]: e.currentTarget.value });
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {kind === 'area' ? <textarea rows={3} {...common} onInput={onInput} />
          : kind === 'date' ? <input type="date" {...common} onInput={onInput} />
            : <input type="text" {...common} onInput={onInput} {...(key === 'name' ? { required: true } : {})} />}
        {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
        {problem && <p class="field-error" id={`${id}-error`}>{t(problem)}</p>}
      </div>
    );
  };
  return (
    <form data-testid="facts-form" onSubmit={submit} noValidate>
      <h3>{t('records.facts')}</h3>
      {field('name', t('facts.name'))}
      {field('goal', t('records.goal'), 'area')}
      {field('totalCostSek', t('facts.cost'), 'text', t('facts.costHint'))}
      {field('financing', t('records.financing'), 'area', t('facts.oneALine'))}
      {field('municipalContribution', t('records.contribution'))}
      {field('startDate', t('facts.start'), 'date', t('facts.dateHint'))}
      {field('endDate', t('facts.end'), 'date', t('facts.dateHint'))}
      {field('deliverables', t('records.deliverables'), 'area', t('facts.oneALine'))}
      <button type="submit" class="button" data-testid="facts-save">{t('facts.save')}</button>
      {saved && <span role="status" data-testid="facts-saved"> {t('meeting.saved')}</span>}
      <ErrorBox text={error ? errorText(error, t) : null} />
    </form>
  );
}

/** The facilitator adds or changes a timeline activity (A1, A2, …) by ISO week. */
function ActivityForm({ projectId, credential, next }: { projectId: string; credential: Credential; next: string }) {
  const { t } = useI18n();
  const [a, setA] = useState({ id: next, name: '', startWeek: '', endWeek: '' });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    api.meeting.setActivity(credential, projectId, a.id.trim(), { name: a.name.trim(), startWeek: a.startWeek.trim(), endWeek: a.endWeek.trim() })
      .then(() => setSaved(true)).catch(setError);
  };
  const field = (key: keyof typeof a, label: string, hint?: string) => (
    <div class="field"><label for={`activity-${key}`}>{label}</label>
      <input id={`activity-${key}`} data-testid={`activity-${key}`} value={a[key]} required
        aria-describedby={hint ? 'activity-week-hint' : undefined}
        onInput={(e) => setA({ ...a, [key]: e.currentTarget.value })} /></div>
  );
  return (
    <form data-testid="activity-form" onSubmit={submit}>
      <h3>{t('records.activityForm')}</h3>
      {field('id', t('records.activityId'))}
      {field('name', t('records.milestoneName'))}
      {field('startWeek', t('records.startWeek'), 'hint')}
      {field('endWeek', t('records.endWeek'), 'hint')}
      <p class="hint" id="activity-week-hint">{t('records.weekHint')}</p>
      <button type="submit" class="button" data-testid="activity-save">{t('records.saveActivity')}</button>
      {saved && <span role="status"> {t('meeting.saved')}</span>}
      <ErrorBox text={error ? errorText(error, t) : null} />
    </form>
  );
}

/** The facilitator sets the member organisations participants pick from when joining. */
function OrganisationsForm({ projectId, credential, current }: { projectId: string; credential: Credential; current: Organisations }) {
  const { t } = useI18n();
  const [names, setNames] = useState(current.names.join('\n'));
  const [allowOther, setAllowOther] = useState(current.names.length === 0 ? false : current.allowOther);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    api.meeting.setOrganisations(credential, projectId, {
      organisations: names.split('\n').map((n) => n.trim()).filter((n) => n !== ''), allowOther,
    }).then(() => setSaved(true)).catch(setError);
  };
  return (
    <form data-testid="organisations-form" onSubmit={submit}>
      <h3>{t('records.organisations')}</h3>
      <div class="field"><label for="organisations-names">{t('records.organisationsHint')}</label>
        <textarea id="organisations-names" data-testid="organisations-names" rows={6} value={names}
          onInput={(e) => setNames(e.currentTarget.value)} /></div>
      <label><input type="checkbox" checked={allowOther} onChange={(e) => setAllowOther(e.currentTarget.checked)} /> {t('records.allowOther')}</label>
      <div><button type="submit" class="button" data-testid="organisations-save">{t('records.saveOrganisations')}</button>
        {saved && <span role="status"> {t('meeting.saved')}</span>}</div>
      <ErrorBox text={error ? errorText(error, t) : null} />
    </form>
  );
}

/** The facilitator adds a plan version (a draft until a steering-group decision) or sets a milestone. */
function RecordsForms({ projectId, credential }: { projectId: string; credential: Credential }) {
  const { t } = useI18n();
  const [version, setVersion] = useState('');
  const [note, setNote] = useState('');
  const [milestone, setMilestone] = useState({ id: '', name: '', planned: '', due: '', reachedOn: '' });
  const [error, setError] = useState<unknown>(null);
  const run = (e: Event, action: () => Promise<unknown>) => {
    e.preventDefault();
    setError(null);
    action().catch(setError);
  };
  const field = (key: keyof typeof milestone, label: string, date = false) => {
    const onInput = (e: { currentTarget: HTMLInputElement }) => setMilestone({ ...milestone, [key]: e.currentTarget.value });
    return (
      <div class="field"><label for={`ms-${key}`}>{label}</label>
        {date ? <input id={`ms-${key}`} type="date" value={milestone[key]} onInput={onInput} />
          : <input id={`ms-${key}`} value={milestone[key]} onInput={onInput} />}</div>
    );
  };
  return (
    <details class="card">
      <summary>{t('records.edit')}</summary>
      <form data-testid="plan-form" onSubmit={(e) => run(e, () => api.meeting.addPlanVersion(credential, projectId,
        version.trim(), note.trim() === '' ? null : note.trim()).then(() => setVersion('')))}>
        <h3>{t('records.newPlanVersion')}</h3>
        <div class="field"><label for="plan-version">{t('records.planVersion')}</label>
          <input id="plan-version" required value={version} onInput={(e) => setVersion(e.currentTarget.value)} /></div>
        <div class="field"><label for="plan-note">{t('records.note')}</label>
          <input id="plan-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} /></div>
        <button type="submit" class="button">{t('records.addPlanVersion')}</button>
      </form>
      <form data-testid="milestone-form" onSubmit={(e) => run(e, () => api.meeting.setMilestone(credential, projectId,
        milestone.id.trim(), { name: milestone.name.trim(), planned: milestone.planned || null, due: milestone.due || null,
          reachedOn: milestone.reachedOn || null }))}>
        <h3>{t('records.milestones')}</h3>
        {field('id', t('records.milestoneId'))}
        {field('name', t('records.milestoneName'))}
        {field('planned', t('records.planned'), true)}
        {field('due', t('records.due'), true)}
        {field('reachedOn', t('records.reached'), true)}
        <button type="submit" class="button">{t('records.saveMilestone')}</button>
      </form>
      <ErrorBox text={error ? errorText(error, t) : null} />
    </details>
  );
}

/** The project's own records: facts, plan versions, milestones (late shown), timeline, status reports. */
export function Records({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const live = useLiveRecords(projectId, projectReader());
  const facilitator = facilitatorCredential();
  const { connection, error } = live;
  const today = todayIso();
  const snapshot = live.snapshot && {
    ...live.snapshot,
    milestones: live.snapshot.milestones.map((m) => ({ ...m, late: isLate(m, today) })),
  };
  const reports = snapshot?.statusReports ?? [];
  const latest = reports[reports.length - 1];
  return (
    <main class="records">
      <div class="dash-bar"><ConnectionStatus state={connection} /></div>
      <h1>{snapshot?.facts?.name ?? t('records.title')}</h1>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!snapshot && !error && <Loading />}
      {snapshot && snapshot.version < 0 && <p>{t('records.empty')}</p>}
      {snapshot && facilitator && <RecordsForms projectId={projectId} credential={facilitator} />}
      {snapshot && facilitator && (
        <details class="card" data-testid="steering-forms">
          <summary>{t('records.editFacts')}</summary>
          <FactsForm key={`facts-${snapshot.facts ? 'set' : 'none'}`} projectId={projectId} credential={facilitator} facts={snapshot.facts} />
          <ActivityForm projectId={projectId} credential={facilitator} next={nextActivityId(snapshot.activities ?? [])} />
          <OrganisationsForm key={`orgs-${(snapshot.organisations?.names ?? []).length}`} projectId={projectId} credential={facilitator}
            current={snapshot.organisations ?? { names: [], allowOther: true }} />
        </details>
      )}
      {snapshot?.facts && (
        <section class="card"><h2>{t('records.facts')}</h2>
          <dl class="facts">
            {snapshot.facts.goal && <><dt>{t('records.goal')}</dt><dd>{snapshot.facts.goal}</dd></>}
            {snapshot.facts.totalCostSek !== null && <><dt>{t('records.cost')}</dt><dd>{snapshot.facts.totalCostSek.toLocaleString('sv-SE')} kr</dd></>}
            {snapshot.facts.financing.length > 0 && <><dt>{t('records.financing')}</dt><dd>{snapshot.facts.financing.join(', ')}</dd></>}
            {snapshot.facts.municipalContribution && <><dt>{t('records.contribution')}</dt><dd>{snapshot.facts.municipalContribution}</dd></>}
            <dt>{t('records.period')}</dt><dd>{snapshot.facts.startDate ?? '–'} – {snapshot.facts.endDate ?? '–'}</dd>
            {snapshot.facts.deliverables.length > 0 && <><dt>{t('records.deliverables')}</dt><dd>{snapshot.facts.deliverables.join(', ')}</dd></>}
          </dl>
        </section>
      )}
      {snapshot && snapshot.planVersions.length > 0 && (
        <section class="card"><h2>{t('records.plans')}</h2>
          <ul>{snapshot.planVersions.map((p) => (
            <li key={p.version} data-testid={`plan-${p.version}`}>v {p.version}: <strong>{t(`records.plan.${p.state}`)}</strong>{p.note ? ` – ${p.note}` : ''}</li>
          ))}</ul>
        </section>
      )}
      {snapshot && snapshot.milestones.length > 0 && (
        <section class="card"><h2>{t('records.milestones')}</h2>
          <ScrollTable label={t('records.milestones')}><table><thead><tr><th /><th>{t('records.planned')}</th><th>{t('records.due')}</th><th>{t('records.reached')}</th><th /></tr></thead>
            <tbody>{snapshot.milestones.map((m) => (
              <tr key={m.id} data-testid={`milestone-${m.id}`}>
                <th scope="row">{m.id} {m.name}</th><td>{m.planned ?? '–'}</td><td>{m.due ?? '–'}</td><td>{m.reachedOn ?? '–'}</td>
                <td>{m.late ? <strong class="late">{t('records.late')}</strong> : t('records.onTime')}</td>
              </tr>
            ))}</tbody>
          </table></ScrollTable>
        </section>
      )}
      {snapshot && <Timeline records={snapshot} projectId={projectId} credential={facilitator} />}
      {latest && (
        <section class="card"><h2>{t('records.status')} · {t('records.reportOf', { date: latest.reportedOn })}</h2>
          <ScrollTable label={t('records.status')}><table class="status-report" data-testid="status-report"><thead><tr>
            <th>{t('records.area')}</th><th>{t('records.light')}</th><th>{t('records.deviation')}</th><th>{t('records.action')}</th><th>{t('records.done')}</th>
          </tr></thead>
            <tbody>{latest.rows.map((r) => (
              <tr key={r.area}><th scope="row">{r.area}</th><td><LightBadge light={r.light} /></td>
                <td>{r.deviation ?? ''}</td><td>{r.action ?? ''}</td><td>{r.done ?? ''}</td></tr>
            ))}</tbody>
          </table></ScrollTable>
        </section>
      )}
      {reports.length > 1 && (
        <section class="card"><h2>{t('records.history')}</h2>
          <ScrollTable label={t('records.history')}><table><thead><tr><th>{t('records.area')}</th>{reports.map((r) => <th key={r.workshopId}>{r.reportedOn}</th>)}</tr></thead>
            <tbody>{lightHistory(reports).map((h) => (
              <tr key={h.area}><th scope="row">{h.area}</th>{h.lights.map((l, i) => <td key={i}><LightBadge light={l} /></td>)}</tr>
            ))}</tbody>
          </table></ScrollTable>
        </section>
      )}
    </main>
  );
}
