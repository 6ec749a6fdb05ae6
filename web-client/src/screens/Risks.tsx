import { useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import { RISK_LEVELS, RISK_STATES, type Risk, type RiskHistoryEntry, type RiskProposal, type RiskRegisterSnapshot } from '../api/types';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { formatDate, formatDueDate } from '../format';
import { useI18n } from '../lang';
import { hrefs } from '../router';
import { RiskMatrix, Trend } from '../risk/RiskMatrix';
import {
  ActionForm,
  ActionStatusSelect,
  EditForm,
  EstimatePanel,
  NewRiskForm,
  ReassessForm,
  useCommand,
} from '../risk/RiskForms';
import {
  activeEscalations,
  ALL,
  filterRisks,
  NO_FILTER,
  NO_OWNER,
  ownersOf,
  sortRisks,
  trendOf,
  type RiskFilter,
} from '../risk/riskModel';
import { EscalationBanner } from '../risk/EscalationBanner';
import { projectReader, useLiveRisks } from '../risk/useLiveRisks';
import { participantSession } from '../session';

function Filters({ risks, filter, onChange }: { risks: readonly Risk[]; filter: RiskFilter; onChange: (f: RiskFilter) => void }) {
  const { t } = useI18n();
  return (
    <fieldset class="filters card">
      <legend>{t('risk.filters')}</legend>
      <div class="field">
        <label for="filter-level">{t('risk.level')}</label>
        <select id="filter-level" data-testid="filter-level" value={filter.level} onChange={(e) => {
          const level = RISK_LEVELS.find((l) => l === e.currentTarget.value) ?? ALL;
          onChange({ ...filter, level });
        }}>
          <option value={ALL}>{t('risk.filter.all')}</option>
          {RISK_LEVELS.map((l) => <option key={l} value={l}>{t(`risk.level.${l}`)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="filter-state">{t('risk.state')}</label>
        <select id="filter-state" data-testid="filter-state" value={filter.state} onChange={(e) => {
          const state = RISK_STATES.find((s) => s === e.currentTarget.value) ?? ALL;
          onChange({ ...filter, state });
        }}>
          <option value={ALL}>{t('risk.filter.all')}</option>
          {RISK_STATES.map((s) => <option key={s} value={s}>{t(`risk.state.${s}`)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="filter-owner">{t('risk.owner')}</label>
        <select id="filter-owner" data-testid="filter-owner" value={filter.owner} onChange={(e) => onChange({ ...filter, owner: e.currentTarget.value })}>
          <option value={ALL}>{t('risk.filter.all')}</option>
          <option value={NO_OWNER}>{t('risk.filter.noOwner')}</option>
          {ownersOf(risks).map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </div>
    </fieldset>
  );
}

function HistoryLine({ entry }: { entry: RiskHistoryEntry }) {
  const { t, lang } = useI18n();
  return (
    <li class="history-entry" data-kind={entry.kind}>
      <span class="history-when">{formatDate(entry.at, lang)}</span>{' '}
      <strong>{translateKind(t, entry.kind)}</strong>
      {entry.value !== null && entry.probability !== null && (
        <> · {t('risk.history.assessment', { probability: entry.probability, impact: entry.impact ?? '', value: entry.value })}</>
      )}
      {entry.level !== null && <> · {t(`risk.level.${entry.level}`)}</>}
      {entry.previousLevel !== null && <> ({t('risk.history.fromLevel', { level: t(`risk.level.${entry.previousLevel}`) })})</>}
      {entry.actionId !== null && <> · {entry.actionId}</>}
      {entry.by !== null && <> · {entry.by}</>}
      {entry.reason !== null && <> · <q>{entry.reason}</q></>}
    </li>
  );
}

type T = ReturnType<typeof useI18n>['t'];
const HISTORY_KINDS = [
  'registered', 'edited', 'reassessed', 'escalated', 'action-added', 'action-updated', 'mitigated', 'closed',
  'reopened', 'estimate-opened', 'estimate-revealed', 'estimate-adopted', 'estimate-discarded',
] as const;

function translateKind(t: T, kind: string): string {
  const known = HISTORY_KINDS.find((k) => k === kind);
  return known ? t(`risk.history.${known}`) : kind;
}

function StateButtons({ credential, projectId, risk }: { credential: Credential; projectId: string; risk: Risk }) {
  const { t } = useI18n();
  const { busy, error, run } = useCommand();
  const change = (to: 'mitigate' | 'close' | 'reopen') => () => void run(() => api.risks.changeState(credential, projectId, risk.id, to));
  return (
    <div class="button-row">
      {risk.state === 'OPEN' && <button type="button" class="button secondary" disabled={busy} data-testid={`mitigate-${risk.id}`} onClick={change('mitigate')}>{t('risk.mitigate')}</button>}
      {risk.state !== 'CLOSED' && <button type="button" class="button secondary" disabled={busy} data-testid={`close-${risk.id}`} onClick={change('close')}>{t('risk.close')}</button>}
      {risk.state !== 'OPEN' && <button type="button" class="button secondary" disabled={busy} data-testid={`reopen-${risk.id}`} onClick={change('reopen')}>{t('risk.reopen')}</button>}
      <ErrorBox text={error} />
    </div>
  );
}

interface RiskItemProps {
  risk: Risk;
  open: boolean;
  onToggle: () => void;
  credential: Credential;
  projectId: string;
  facilitator: boolean;
  me: string | null;
}

function RiskItem({ risk, open, onToggle, credential, projectId, facilitator, me }: RiskItemProps) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const level = risk.level.toLowerCase();
  return (
    <article
      id={`risk-${risk.id}`}
      class={`risk-item card state-${risk.state.toLowerCase()}`}
      data-testid={`risk-row-${risk.id}`}
      data-level={risk.level}
      data-value={String(risk.value)}
      data-state={risk.state}
    >
      <div class="risk-summary">
        <span class={`risk-id level-${level}`}>{risk.id}</span>
        <div class="risk-main">
          <h3 class="risk-threat">{risk.threat}</h3>
          <p class="risk-meta">
            <span>S {risk.probability} × K {risk.impact} = <strong>{risk.value}</strong></span>
            <span class={`level-badge level-${level}`} data-testid={`level-${risk.id}`}>{t(`risk.level.${risk.level}`)}</span>
            <span>{t('risk.decidedBy')}: {t(`risk.decider.${risk.decidedBy}`)}</span>
            <span>{t(`risk.state.${risk.state}`)}</span>
            {risk.owner && <span>{t('risk.owner')}: {risk.owner}</span>}
            <span>{t('risk.actionNeeded')}: {risk.actionNeeded ? t('risk.yes') : t('risk.no')}</span>
            {risk.estimate && <span class="estimate-flag">{t('risk.estimate.title')}: {t('risk.estimate.count', { count: risk.estimate.count })}</span>}
          </p>
        </div>
        <Trend risk={risk} points={trendOf(risk)} />
        <button type="button" class="button secondary" aria-expanded={open} data-testid={`risk-${risk.id}-toggle`} onClick={onToggle}>
          {t('risk.details', { risk: risk.id })}
        </button>
      </div>
      {open && (
        <div class="risk-details">
          <dl>
            {risk.vulnerability && <><dt>{t('risk.vulnerability')}</dt><dd>{risk.vulnerability}</dd></>}
            {risk.consequence && <><dt>{t('risk.consequence')}</dt><dd>{risk.consequence}</dd></>}
            {risk.fromProposal && <><dt>{t('risk.fromProposal', { proposal: risk.fromProposal })}</dt><dd /></>}
          </dl>
          <h4>{t('risk.actions')}</h4>
          {risk.actions.length === 0 ? <p class="muted">{t('risk.noActions')}</p> : (
            <ul class="action-list">
              {risk.actions.map((a) => (
                <li key={a.id} data-testid={`action-${risk.id}-${a.id}`}>
                  {a.id}: {a.description}
                  {a.owner && <> · {a.owner}</>}
                  {a.dueDate && <> · {t('risk.action.due', { date: formatDueDate(a.dueDate, lang) })}</>}
                  {' · '}
                  {facilitator && risk.state !== 'CLOSED'
                    ? <ActionStatusSelect credential={credential} projectId={projectId} risk={risk} action={a} />
                    : t(`risk.action.status.${a.status}`)}
                </li>
              ))}
            </ul>
          )}
          <EstimatePanel credential={credential} projectId={projectId} risk={risk} facilitator={facilitator} me={me} />
          {facilitator && risk.state !== 'CLOSED' && (
            <>
              <ReassessForm credential={credential} projectId={projectId} risk={risk} />
              {editing
                ? <EditForm credential={credential} projectId={projectId} risk={risk} onDone={() => setEditing(false)} />
                : <button type="button" class="button secondary" onClick={() => setEditing(true)}>{t('risk.edit')}</button>}
              <ActionForm credential={credential} projectId={projectId} risk={risk} />
            </>
          )}
          {facilitator && <StateButtons credential={credential} projectId={projectId} risk={risk} />}
          <h4>{t('risk.history')}</h4>
          <ol class="history" data-testid={`history-${risk.id}`}>
            {risk.history.map((h) => <HistoryLine key={h.version} entry={h} />)}
          </ol>
          <p class="muted">{formatDate(risk.registeredAt, lang)}</p>
        </div>
      )}
    </article>
  );
}

function ProposalItem({ proposal, credential, projectId, facilitator }: { proposal: RiskProposal; credential: Credential; projectId: string; facilitator: boolean }) {
  const { t } = useI18n();
  const { busy, error, run } = useCommand();
  const decide = (decision: 'accept' | 'decline') => () => void run(() => api.risks.decide(credential, projectId, proposal.id, decision));
  return (
    <li class="proposal card" data-testid={`proposal-${proposal.id}`} data-state={proposal.state}>
      <p>
        <strong>{proposal.id}</strong> {proposal.threat} · S {proposal.probability} × K {proposal.impact} = {proposal.value} ({t(`risk.level.${proposal.level}`)})
      </p>
      <p class="muted">
        {t('risk.proposal.by', { name: proposal.proposedByName ?? t('risk.proposal.someone') })} ·{' '}
        {proposal.state === 'pending' && t('risk.proposal.pending')}
        {proposal.state === 'accepted' && t('risk.proposal.accepted', { risk: proposal.riskId ?? '' })}
        {proposal.state === 'declined' && t('risk.proposal.declined')}
      </p>
      {facilitator && proposal.state === 'pending' && (
        <div class="button-row">
          <button type="button" class="button primary" disabled={busy} data-testid={`accept-${proposal.id}`} onClick={decide('accept')}>{t('risk.accept')}</button>
          <button type="button" class="button secondary" disabled={busy} data-testid={`decline-${proposal.id}`} onClick={decide('decline')}>{t('risk.decline')}</button>
        </div>
      )}
      <ErrorBox text={error} />
    </li>
  );
}

/** A project's risk register, live: the matrix, the sorted register, proposals and estimates. */
export function Risks({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const credential = projectReader();
  const { snapshot, connection, error } = useLiveRisks(projectId, credential);
  const [filter, setFilter] = useState<RiskFilter>(NO_FILTER);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  if (!credential) {
    return (
      <main class="narrow">
        <ErrorBox text={t('risk.notAllowed')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }
  const facilitator = credential.kind === 'facilitator';
  const participant = facilitator ? null : participantSession();
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  const select = (id: string) => {
    setOpen(new Set([...open, id]));
    document.getElementById(`risk-${id}`)?.scrollIntoView({ block: 'start' });
  };
  const shown = snapshot ? sortRisks(filterRisks(snapshot.risks, filter)) : [];

  return (
    <main class="risks">
      <div class="dash-bar">
        <ConnectionStatus state={connection} />
        {participant && <a class="button secondary" href={hrefs.rate(participant.workshopId)}>{t('risk.toWorkshop')}</a>}
      </div>
      <h1>{t('risk.title')}</h1>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!snapshot && !error && <Loading />}
      {snapshot && (
        <div data-testid="risk-register" data-version={String(snapshot.version)}>
          <EscalationBanner register={snapshot} />
          <div class="risk-top">
            <RiskMatrix risks={filterRisks(snapshot.risks, filter)} onSelect={select} />
            <Filters risks={snapshot.risks} filter={filter} onChange={setFilter} />
          </div>
          <section aria-labelledby="register-title">
            <h2 id="register-title">{t('risk.register')}</h2>
            {snapshot.risks.length === 0 && <p class="muted">{t('risk.empty')}</p>}
            {snapshot.risks.length > 0 && shown.length === 0 && <p class="muted">{t('risk.noneMatch')}</p>}
            {shown.map((risk) => (
              <RiskItem
                key={risk.id}
                risk={risk}
                open={open.has(risk.id)}
                onToggle={() => toggle(risk.id)}
                credential={credential}
                projectId={projectId}
                facilitator={facilitator}
                me={participant?.participantId ?? null}
              />
            ))}
          </section>
          <section aria-labelledby="proposals-title">
            <h2 id="proposals-title">{t('risk.proposals')}</h2>
            {snapshot.proposals.length === 0 && <p class="muted">{t('risk.noProposals')}</p>}
            <ul class="proposal-list">
              {snapshot.proposals.map((p) => (
                <ProposalItem key={p.id} proposal={p} credential={credential} projectId={projectId} facilitator={facilitator} />
              ))}
            </ul>
          </section>
          <NewRiskForm credential={credential} projectId={projectId} mode={facilitator ? 'register' : 'propose'} />
        </div>
      )}
    </main>
  );
}
