import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { useI18n } from '../lang';
import { downloadExport } from '../audit/download';
import { isErased, minutesFileName, minutesPath } from '../meeting/minutes';
import {
  agendaText, currentItem, focusDecision, isMember, LIGHTS, optionLabel, parseAgendaText, statusRowsToEdit,
  type Decision, type Light, type MeetingSnapshot, type StatusRowRequest,
} from '../meeting/meetingModel';
import { useLiveMeeting } from '../meeting/useLiveMeeting';
import { ScrollTable } from './Records';
import { hrefs } from '../router';
import { facilitatorCredential, participantCredential, participantSession } from '../session';

function DecisionCard({ decision, meeting, workshopId, credential, participantId, facilitator, big, myVote }: {
  decision: Decision; meeting: MeetingSnapshot; workshopId: string; credential: Credential;
  participantId: string | null; facilitator: boolean; big: boolean; myVote?: string | undefined;
}) {
  const { t } = useI18n();
  const [chosen, setMine] = useState<string | null>(null);
  const mine = chosen ?? myVote ?? null;
  const [error, setError] = useState<unknown>(null);
  const member = isMember(meeting, participantId);
  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch(setError);
  };
  return (
    <section class={`card decision-card${big ? ' big' : ''}`} data-testid="decision-card" data-state={decision.state}>
      <h2>{t('meeting.decision')}</h2>
      <p class="decision-proposal">{decision.proposal}</p>
      {decision.state === 'open' ? (
        <>
          <p data-testid="decision-progress">{t('meeting.decisionOpen', { count: decision.voteCount })}</p>
          {decision.quorum !== null && <p>{t('meeting.quorum', { quorum: decision.quorum })}</p>}
          {!decision.openVoting && <p class="muted">{t('meeting.sealed')}</p>}
          {decision.openVoting && decision.votes.map((v) => (
            <p key={v.participantId}>{isErased(v.displayName) ? t('meeting.erasedParticipant') : v.displayName}: {optionLabel(decision, v.optionId)}</p>
          ))}
          {!facilitator && !big && (member ? (
            <div class="vote-options" role="group" aria-label={decision.proposal}>
              {decision.options.map((o) => (
                <button type="button" key={o.id} data-testid={`vote-${o.id}`} aria-pressed={mine === o.id}
                  class={`button vote-option${mine === o.id ? ' chosen' : ''}`}
                  onClick={() => run(() => api.meeting.vote(credential, workshopId, decision.id, o.id).then(() => setMine(o.id)))}>
                  {o.label}
                </button>
              ))}
              {mine && <p data-testid="my-vote">{t('meeting.yourVote', { option: optionLabel(decision, mine) })}</p>}
            </div>
          ) : <p class="muted">{t('meeting.notMember')}</p>)}
          {facilitator && !big && (
            <button type="button" class="button" data-testid="close-decision"
              onClick={() => run(() => api.meeting.close(credential, workshopId, decision.id))}>
              {t('meeting.close')}
            </button>
          )}
        </>
      ) : (
        <>
          <p class="decision-outcome" data-testid="decision-outcome" role="status">
            <strong>{decision.result === 'DECIDED'
              ? t('meeting.outcome', { option: optionLabel(decision, decision.outcome) })
              : t(`meeting.result.${decision.result ?? 'NO_VOTES'}`)}</strong>
          </p>
          <ul class="tally">
            {decision.options.map((o) => (
              <li key={o.id}>{t('meeting.tally', { option: o.label, count: decision.tally?.[o.id] ?? 0 })}</li>
            ))}
          </ul>
          {!decision.anonymous && (
            <ul class="recorded-votes">
              {decision.votes.map((v) => <li key={v.participantId}>{isErased(v.displayName) ? t('meeting.erasedParticipant') : v.displayName}: {optionLabel(decision, v.optionId)}</li>)}
            </ul>
          )}
          {decision.evidence && (
            <p class="muted">{t('meeting.evidence', {
              risk: decision.evidence.riskRegisterVersion ?? t('meeting.none'),
              records: decision.evidence.recordsVersion ?? t('meeting.none'),
            })}</p>
          )}
          {decision.evidence && !big && (
            <p><a href={hrefs.evidence(workshopId, decision.id)} data-testid={`evidence-link-${decision.id}`}>{t('evidence.link')}</a></p>
          )}
        </>
      )}
      <ErrorBox text={error ? errorText(error, t) : null} />
    </section>
  );
}

/** The facilitator's agenda editor: purpose, goals (one a line) and items (one a line, "-" for sub-points). */
function AgendaForm({ meeting, workshopId, credential }: { meeting: MeetingSnapshot; workshopId: string; credential: Credential }) {
  const { t } = useI18n();
  const [purpose, setPurpose] = useState(meeting.purpose ?? '');
  const [goals, setGoals] = useState(meeting.goals.join('\n'));
  const [items, setItems] = useState(agendaText(meeting.agenda));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    api.meeting.setAgenda(credential, workshopId, {
      purpose: purpose.trim() === '' ? null : purpose.trim(),
      goals: goals.split('\n').map((g) => g.trim()).filter((g) => g !== ''),
      items: parseAgendaText(items),
    }).then(() => setSaved(true)).catch(setError);
  };
  return (
    <details class="card">
      <summary>{t('meeting.editAgenda')}</summary>
      <form onSubmit={submit} data-testid="agenda-form">
        <div class="field"><label for="agenda-purpose">{t('meeting.purpose')}</label>
          <input id="agenda-purpose" value={purpose} onInput={(e) => setPurpose(e.currentTarget.value)} /></div>
        <div class="field"><label for="agenda-goals">{t('meeting.goalsHint')}</label>
          <textarea id="agenda-goals" rows={3} value={goals} onInput={(e) => setGoals(e.currentTarget.value)} /></div>
        <div class="field"><label for="agenda-items">{t('meeting.itemsHint')}</label>
          <textarea id="agenda-items" rows={8} value={items} onInput={(e) => setItems(e.currentTarget.value)} /></div>
        <button type="submit" class="button">{t('meeting.saveAgenda')}</button>
        {saved && <span role="status"> {t('meeting.saved')}</span>}
        <ErrorBox text={error ? errorText(error, t) : null} />
      </form>
    </details>
  );
}

/** The facilitator opens a decision: a proposal, a plan approval or given options, quorum, open or sealed voting. */
function DecisionForm({ workshopId, credential }: { workshopId: string; credential: Credential }) {
  const { t } = useI18n();
  const [proposal, setProposal] = useState('');
  const [planVersion, setPlanVersion] = useState('');
  const [options, setOptions] = useState('');
  const [quorum, setQuorum] = useState('');
  const [openVoting, setOpenVoting] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    setError(null);
    const labels = options.split('\n').map((o) => o.trim()).filter((o) => o !== '');
    const q = Number.parseInt(quorum, 10);
    api.meeting.open(credential, workshopId, {
      kind: planVersion.trim() === '' ? 'GENERAL' : 'PLAN_APPROVAL',
      proposal: proposal.trim(),
      ...(planVersion.trim() === '' ? { options: labels } : { planVersion: planVersion.trim() }),
      ...(Number.isInteger(q) ? { quorum: q } : {}),
      openVoting,
      anonymous,
    }).then(() => setProposal('')).catch(setError);
  };
  return (
    <details class="card">
      <summary>{t('meeting.newDecision')}</summary>
      <form onSubmit={submit} data-testid="decision-form">
        <div class="field"><label for="decision-proposal">{t('meeting.proposal')}</label>
          <input id="decision-proposal" required value={proposal} onInput={(e) => setProposal(e.currentTarget.value)} /></div>
        <div class="field"><label for="decision-plan">{t('meeting.planVersionHint')}</label>
          <input id="decision-plan" value={planVersion} onInput={(e) => setPlanVersion(e.currentTarget.value)} /></div>
        <div class="field"><label for="decision-options">{t('meeting.optionsHint')}</label>
          <textarea id="decision-options" rows={3} value={options} disabled={planVersion.trim() !== ''}
            onInput={(e) => setOptions(e.currentTarget.value)} /></div>
        <div class="field"><label for="decision-quorum">{t('meeting.quorumLabel')}</label>
          <input id="decision-quorum" type="number" min={1} value={quorum} onInput={(e) => setQuorum(e.currentTarget.value)} /></div>
        <label><input type="checkbox" checked={openVoting} onChange={(e) => setOpenVoting(e.currentTarget.checked)} /> {t('meeting.openVoting')}</label>
        <label><input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} /> {t('meeting.anonymous')}</label>
        <div><button type="submit" class="button">{t('meeting.openDecision')}</button></div>
        <ErrorBox text={error ? errorText(error, t) : null} />
      </form>
    </details>
  );
}

const LIGHT_TEXT: Record<Light, string> = { ON_TRACK: 'Enligt plan', MINOR: 'Mindre komplikationer', MAJOR: 'Komplikationer' };

/** The facilitator's status report for this meeting: a light, deviation and action per area. */
function StatusForm({ projectId, workshopId, credential }: { projectId: string; workshopId: string; credential: Credential }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<StatusRowRequest[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const load = () => {
    if (rows !== null) return;
    api.meeting.records(credential, projectId).then((r) => setRows(statusRowsToEdit(r, workshopId)))
      .catch(() => setRows(statusRowsToEdit(null, workshopId)));
  };
  const change = (i: number, patch: Partial<StatusRowRequest>) =>
    setRows((current) => current && current.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const submit = (e: Event) => {
    e.preventDefault();
    if (!rows) return;
    setError(null);
    setSaved(false);
    api.meeting.reportStatus(credential, projectId, workshopId, rows.map((r) => ({
      ...r, deviation: r.deviation?.trim() || null, action: r.action?.trim() || null, done: r.done || null,
    }))).then(() => setSaved(true)).catch(setError);
  };
  return (
    <details class="card" onToggle={load}>
      <summary>{t('meeting.statusReport')}</summary>
      {rows && (
        <form onSubmit={submit} data-testid="status-form">
          <ScrollTable label={t('meeting.statusReport')}><table class="status-report"><thead><tr>
            <th>{t('records.area')}</th><th>{t('records.light')}</th><th>{t('records.deviation')}</th><th>{t('records.action')}</th><th>{t('records.done')}</th>
          </tr></thead>
            <tbody>{rows.map((r, i) => (
              <tr key={r.area}>
                <th scope="row">{r.area}</th>
                <td><select aria-label={`${r.area}: ${t('records.light')}`} value={r.light}
                  onChange={(e) => change(i, { light: (LIGHTS.find((l) => l === e.currentTarget.value) ?? 'ON_TRACK') })}>
                  {LIGHTS.map((l) => <option key={l} value={l}>{LIGHT_TEXT[l]}</option>)}
                </select></td>
                <td><input aria-label={`${r.area}: ${t('records.deviation')}`} value={r.deviation ?? ''} onInput={(e) => change(i, { deviation: e.currentTarget.value })} /></td>
                <td><input aria-label={`${r.area}: ${t('records.action')}`} value={r.action ?? ''} onInput={(e) => change(i, { action: e.currentTarget.value })} /></td>
                <td><input type="date" aria-label={`${r.area}: ${t('records.done')}`} value={r.done ?? ''} onInput={(e) => change(i, { done: e.currentTarget.value })} /></td>
              </tr>
            ))}</tbody>
          </table></ScrollTable>
          <button type="submit" class="button">{t('meeting.saveStatus')}</button>
          {saved && <span role="status"> {t('meeting.saved')}</span>}
          <ErrorBox text={error ? errorText(error, t) : null} />
        </form>
      )}
    </details>
  );
}

/**
 * The meeting following the agenda: on phones and laptops (`#/w/{id}/meeting`), and large on
 * the projector (`#/w/{id}/projector`). The facilitator moves the current item and closes
 * decisions; members vote; every screen follows the meeting stream.
 */
export function Meeting({ workshopId, projector }: { workshopId: string; projector: boolean }) {
  const { t, lang } = useI18n();
  const participant = participantCredential(workshopId);
  const credential = participant ?? facilitatorCredential();
  const facilitator = participant === null && credential !== null;
  const participantId = participant ? participantSession()?.participantId ?? null : null;
  const { snapshot, connection, error } = useLiveMeeting(workshopId, credential);
  const [actionError, setActionError] = useState<unknown>(null);
  const [myVotes, setMyVotes] = useState<Record<string, string>>({});
  // Erased here and now: shown as erased at once, before the projections' next push says so.
  const [erasedIds, setErasedIds] = useState<string[]>([]);

  useEffect(() => {
    if (participant && !projector) api.meeting.myVotes(participant, workshopId).then(setMyVotes).catch(() => undefined);
  }, [workshopId, participant?.token]);

  useEffect(() => {
    if (participant) api.meeting.present(participant, workshopId).catch(() => undefined);
  }, [workshopId, participant?.token]);

  if (!credential) {
    // Nobody on this device has joined or logged in: say how to get in, not that voting is closed.
    return (
      <main class="narrow">
        <ErrorBox text={t('rate.notJoined')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }
  const run = (action: () => Promise<unknown>) => {
    setActionError(null);
    action().catch(setActionError);
  };
  const current = snapshot ? currentItem(snapshot) : null;
  const decision = snapshot ? focusDecision(snapshot) : null;

  if (projector) {
    return (
      <main class="projector meeting-projector">
        <ErrorBox text={error ? errorText(error, t) : null} />
        {!snapshot && !error && <Loading />}
        {snapshot && (
          <>
            <p class="projector-label">{t('meeting.current')}</p>
            <h1 data-testid="current-item">{current ? current.title : t('meeting.noAgenda')}</h1>
            {current && current.details.length > 0 && <ul class="projector-details">{current.details.map((d) => <li key={d}>{d}</li>)}</ul>}
            <p data-testid="presence-count">{t('meeting.present', { count: snapshot.present.length })}</p>
            {decision && <DecisionCard decision={decision} meeting={snapshot} workshopId={workshopId} credential={credential}
              participantId={participantId} facilitator={facilitator} big={true} />}
          </>
        )}
      </main>
    );
  }

  return (
    <main class="meeting">
      <div class="dash-bar">
        <ConnectionStatus state={connection} />
        <a class="button secondary" href={hrefs.projector(workshopId)} data-testid="projector-link">{t('meeting.projector')}</a>
        {snapshot?.projectId && (
          <a class="button secondary" href={hrefs.records(snapshot.projectId)} data-testid="records-link">{t('meeting.records')}</a>
        )}
        {/* Minutes (issue 6): the protocol generated from the meeting's events, in the reader's language. */}
        <button type="button" class="button secondary" data-testid="minutes-pdf"
          onClick={() => run(() => downloadExport(credential, minutesPath(workshopId, 'pdf', lang), minutesFileName(workshopId, 'pdf', lang)))}>
          {t('meeting.minutesPdf')}
        </button>
        <button type="button" class="button secondary" data-testid="minutes-md"
          onClick={() => run(() => downloadExport(credential, minutesPath(workshopId, 'md', lang), minutesFileName(workshopId, 'md', lang)))}>
          {t('meeting.minutesMarkdown')}
        </button>
      </div>
      <h1>{t('meeting.title')}</h1>
      <ErrorBox text={error ? errorText(error, t) : actionError ? errorText(actionError, t) : null} />
      {!snapshot && !error && <Loading />}
      {snapshot && (
        <>
          <section class="card current-item" aria-live="polite">
            <p class="muted">{t('meeting.current')}</p>
            <h2 data-testid="current-item">{current ? current.title : t('meeting.noAgenda')}</h2>
          </section>
          {snapshot.purpose && <p><strong>{t('meeting.purpose')}:</strong> {snapshot.purpose}</p>}
          {snapshot.goals.length > 0 && (
            <><h2>{t('meeting.goals')}</h2><ul>{snapshot.goals.map((g) => <li key={g}>{g}</li>)}</ul></>
          )}
          <h2>{t('meeting.agenda')}</h2>
          <ol class="agenda" data-testid="agenda">
            {snapshot.agenda.map((item) => (
              <li key={item.id} class={item.id === snapshot.currentItemId ? 'agenda-item current' : 'agenda-item'}
                aria-current={item.id === snapshot.currentItemId ? 'step' : undefined} data-item={item.id}>
                <span>{item.title}</span>
                {item.id === snapshot.currentItemId && <strong class="badge"> {t('meeting.current')}</strong>}
                {item.details.length > 0 && <ul>{item.details.map((d) => <li key={d}>{d}</li>)}</ul>}
                {facilitator && item.id !== snapshot.currentItemId && (
                  <button type="button" class="button secondary" data-testid={`move-${item.id}`}
                    onClick={() => run(() => api.meeting.moveTo(credential, workshopId, item.id))}>
                    {t('meeting.moveHere')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {facilitator && <AgendaForm key={snapshot.agenda.length} meeting={snapshot} workshopId={workshopId} credential={credential} />}
          {facilitator && snapshot.projectId && (
            <StatusForm projectId={snapshot.projectId} workshopId={workshopId} credential={credential} />
          )}
          {facilitator && <DecisionForm workshopId={workshopId} credential={credential} />}
          {snapshot.decisions.slice().reverse().map((d) => (
            <DecisionCard key={d.id} decision={d} meeting={snapshot} workshopId={workshopId} credential={credential}
              participantId={participantId} facilitator={facilitator} big={false} myVote={myVotes[d.id]} />
          ))}
          <h2>{t('meeting.present', { count: snapshot.present.length })}</h2>
          <ul class="presence" data-testid="presence">
            {snapshot.present.map((p) => {
              const member = isMember(snapshot, p.participantId);
              return (
                <li key={p.participantId}>
                  {isErased(p.displayName) || erasedIds.includes(p.participantId)
                    ? <em>{t('meeting.erasedParticipant')}</em> : p.displayName}
                  {member && <em> · {t('meeting.steeringGroup')}</em>}
                  {facilitator && (
                    <button type="button" class="button secondary small" data-testid={`role-${p.displayName}`}
                      onClick={() => run(() => api.meeting.setRole(credential, workshopId, p.participantId, !member))}>
                      {member ? t('meeting.removeMember') : t('meeting.makeMember')}
                    </button>
                  )}
                  {facilitator && !isErased(p.displayName) && !erasedIds.includes(p.participantId) && (
                    <button type="button" class="button secondary small" data-testid={`erase-${p.displayName}`}
                      aria-label={t('meeting.eraseLabel', { name: p.displayName })}
                      onClick={() => {
                        if (window.confirm(t('meeting.eraseConfirm', { name: p.displayName }))) {
                          run(() => api.meeting.erase(credential, workshopId, p.participantId)
                            .then(() => setErasedIds((ids) => [...ids, p.participantId])));
                        }
                      }}>
                      {t('meeting.erase')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </main>
  );
}
