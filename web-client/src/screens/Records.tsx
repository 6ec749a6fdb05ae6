import { useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api } from '../api/instance';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { errorText } from '../api/instance';
import { useI18n } from '../lang';
import { isLate, isoWeek, lightHistory, todayIso, weeksBetween, type Light, type RecordsSnapshot } from '../meeting/meetingModel';
import { useLiveRecords } from '../meeting/useLiveMeeting';
import { projectReader } from '../risk/useLiveRisks';
import { facilitatorCredential } from '../session';

const LIGHT_LABEL: Record<Light, string> = { ON_TRACK: 'Enligt plan', MINOR: 'Mindre komplikationer', MAJOR: 'Komplikationer' };

/** A traffic light as colour AND text, never colour alone. */
function LightBadge({ light }: { light: Light | null }) {
  if (!light) return <span class="muted">–</span>;
  return <span class={`light light-${light.toLowerCase()}`} data-light={light}><span class="light-dot" aria-hidden="true" />{LIGHT_LABEL[light]}</span>;
}

function Timeline({ records }: { records: RecordsSnapshot }) {
  const { t } = useI18n();
  const dated = records.milestones.filter((m) => m.due || m.planned);
  const start = records.facts?.startDate ?? dated.map((m) => m.planned ?? m.due ?? '').sort()[0];
  const end = records.facts?.endDate ?? dated.map((m) => m.due ?? '').sort().reverse()[0];
  if (!start || !end) return null;
  const weeks = weeksBetween(start, end);
  const at = (date: string | null) => {
    if (!date) return -1;
    const w = isoWeek(date);
    return weeks.findIndex((x) => x.year === w.year && x.week === w.week);
  };
  return (
    <section class="card">
      <h2>{t('records.timeline')}</h2>
      <div class="gantt" role="table" aria-label={t('records.timeline')}>
        <div class="gantt-row" role="row">
          <span class="gantt-label" role="columnheader" />
          {weeks.map((w) => <span key={`${w.year}-${w.week}`} class="gantt-week" role="columnheader">{w.week}</span>)}
        </div>
        {records.milestones.map((m) => {
          const from = at(m.planned);
          const to = at(m.due);
          return (
            <div class="gantt-row" role="row" key={m.id} data-testid={`gantt-${m.id}`}>
              <span class="gantt-label" role="rowheader">{m.id} {m.name}{m.late ? ` (${t('records.late')})` : ''}</span>
              {weeks.map((w, i) => (
                <span key={i} role="cell" class={`gantt-cell${i >= from && i <= to && from >= 0 ? ' span' : ''}${i === to ? (m.late ? ' due late' : ' due') : ''}`}>
                  {i === to ? '◆' : ''}
                </span>
              ))}
            </div>
          );
        })}
      </div>
    </section>
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
          <table><thead><tr><th /><th>{t('records.planned')}</th><th>{t('records.due')}</th><th>{t('records.reached')}</th><th /></tr></thead>
            <tbody>{snapshot.milestones.map((m) => (
              <tr key={m.id} data-testid={`milestone-${m.id}`}>
                <th scope="row">{m.id} {m.name}</th><td>{m.planned ?? '–'}</td><td>{m.due ?? '–'}</td><td>{m.reachedOn ?? '–'}</td>
                <td>{m.late ? <strong class="late">{t('records.late')}</strong> : t('records.onTime')}</td>
              </tr>
            ))}</tbody>
          </table>
        </section>
      )}
      {snapshot && <Timeline records={snapshot} />}
      {latest && (
        <section class="card"><h2>{t('records.status')} · {t('records.reportOf', { date: latest.reportedOn })}</h2>
          <table class="status-report" data-testid="status-report"><thead><tr>
            <th>{t('records.area')}</th><th>{t('records.light')}</th><th>{t('records.deviation')}</th><th>{t('records.action')}</th><th>{t('records.done')}</th>
          </tr></thead>
            <tbody>{latest.rows.map((r) => (
              <tr key={r.area}><th scope="row">{r.area}</th><td><LightBadge light={r.light} /></td>
                <td>{r.deviation ?? ''}</td><td>{r.action ?? ''}</td><td>{r.done ?? ''}</td></tr>
            ))}</tbody>
          </table>
        </section>
      )}
      {reports.length > 1 && (
        <section class="card"><h2>{t('records.history')}</h2>
          <table><thead><tr><th>{t('records.area')}</th>{reports.map((r) => <th key={r.workshopId}>{r.reportedOn}</th>)}</tr></thead>
            <tbody>{lightHistory(reports).map((h) => (
              <tr key={h.area}><th scope="row">{h.area}</th>{h.lights.map((l, i) => <td key={i}><LightBadge light={l} /></td>)}</tr>
            ))}</tbody>
          </table>
        </section>
      )}
    </main>
  );
}
