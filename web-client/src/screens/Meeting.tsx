import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { useI18n } from '../lang';
import { currentItem, focusDecision, isMember, optionLabel, type Decision, type MeetingSnapshot } from '../meeting/meetingModel';
import { useLiveMeeting } from '../meeting/useLiveMeeting';
import { hrefs } from '../router';
import { facilitatorCredential, participantCredential, participantSession } from '../session';

function DecisionCard({ decision, meeting, workshopId, credential, participantId, facilitator, big }: {
  decision: Decision; meeting: MeetingSnapshot; workshopId: string; credential: Credential;
  participantId: string | null; facilitator: boolean; big: boolean;
}) {
  const { t } = useI18n();
  const [mine, setMine] = useState<string | null>(null);
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
            <p key={v.participantId}>{v.displayName}: {optionLabel(decision, v.optionId)}</p>
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
              {decision.votes.map((v) => <li key={v.participantId}>{v.displayName}: {optionLabel(decision, v.optionId)}</li>)}
            </ul>
          )}
          {decision.evidence && (
            <p class="muted">{t('meeting.evidence', {
              risk: decision.evidence.riskRegisterVersion ?? t('meeting.none'),
              records: decision.evidence.recordsVersion ?? t('meeting.none'),
            })}</p>
          )}
        </>
      )}
      <ErrorBox text={error ? errorText(error, t) : null} />
    </section>
  );
}

/**
 * The meeting following the agenda: on phones and laptops (`#/w/{id}/meeting`), and large on
 * the projector (`#/w/{id}/projector`). The facilitator moves the current item and closes
 * decisions; members vote; every screen follows the meeting stream.
 */
export function Meeting({ workshopId, projector }: { workshopId: string; projector: boolean }) {
  const { t } = useI18n();
  const participant = participantCredential(workshopId);
  const credential = participant ?? facilitatorCredential();
  const facilitator = participant === null && credential !== null;
  const participantId = participant ? participantSession()?.participantId ?? null : null;
  const { snapshot, connection, error } = useLiveMeeting(workshopId, credential);
  const [actionError, setActionError] = useState<unknown>(null);

  useEffect(() => {
    if (participant) api.meeting.present(participant, workshopId).catch(() => undefined);
  }, [workshopId, participant?.token]);

  if (!credential) return <main class="narrow"><ErrorBox text={t('meeting.notMember')} /></main>;
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
          {snapshot.decisions.slice().reverse().map((d) => (
            <DecisionCard key={d.id} decision={d} meeting={snapshot} workshopId={workshopId} credential={credential}
              participantId={participantId} facilitator={facilitator} big={false} />
          ))}
          <h2>{t('meeting.present', { count: snapshot.present.length })}</h2>
          <ul class="presence" data-testid="presence">
            {snapshot.present.map((p) => {
              const member = isMember(snapshot, p.participantId);
              return (
                <li key={p.participantId}>
                  {p.displayName}{member && <em> · {t('meeting.steeringGroup')}</em>}
                  {facilitator && (
                    <button type="button" class="button secondary small" data-testid={`role-${p.displayName}`}
                      onClick={() => run(() => api.meeting.setRole(credential, workshopId, p.participantId, !member))}>
                      {member ? t('meeting.removeMember') : t('meeting.makeMember')}
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
