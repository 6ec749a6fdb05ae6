import { useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import {
  RISK_ACTION_STATUSES,
  SCORES,
  type Risk,
  type RiskAction,
  type RiskActionStatus,
  type Score,
} from '../api/types';
import { ErrorBox } from '../components/common';
import { useI18n } from '../lang';
import { levelOf, suggestedAdoption } from './riskModel';

/** Runs one command at a time and keeps its refusal to show. */
export function useCommand() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(errorText(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

function asScore(value: number): Score {
  return SCORES.find((s) => s === value) ?? 1;
}

/** A choice of 1–5 for S or K. */
export function ScaleField({ id, label, value, onChange }: { id: string; label: string; value: Score; onChange: (s: Score) => void }) {
  return (
    <div class="field scale-field">
      <label for={id}>{label}</label>
      <select id={id} data-testid={id} value={String(value)} onChange={(e) => onChange(asScore(Number(e.currentTarget.value)))}>
        {SCORES.map((s) => (
          <option key={s} value={String(s)}>
            {s}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
}) {
  const { id, label, value, onInput, required, maxLength = 500, multiline } = props;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea id={id} data-testid={id} value={value} required={required} maxLength={maxLength} rows={2} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input id={id} data-testid={id} value={value} required={required} maxLength={maxLength} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
    </div>
  );
}

function Preview({ probability, impact }: { probability: number; impact: number }) {
  const { t } = useI18n();
  const value = probability * impact;
  const level = levelOf(value);
  return (
    <p class={`preview level-text-${level.toLowerCase()}`} aria-live="polite">
      {t('risk.preview', { value, level: t(`risk.level.${level}`) })}
    </p>
  );
}

const blankToUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** Registers a risk (facilitator) or proposes one (participant). */
export function NewRiskForm({ credential, projectId, mode }: { credential: Credential; projectId: string; mode: 'register' | 'propose' }) {
  const { t } = useI18n();
  const { busy, error, run } = useCommand();
  const [threat, setThreat] = useState('');
  const [vulnerability, setVulnerability] = useState('');
  const [consequence, setConsequence] = useState('');
  const [probability, setProbability] = useState<Score>(3);
  const [impact, setImpact] = useState<Score>(3);
  const [owner, setOwner] = useState('');
  const [actionNeeded, setActionNeeded] = useState(true);
  const [reason, setReason] = useState('');
  const prefix = mode === 'register' ? 'new-risk' : 'propose-risk';

  async function submit(event: Event) {
    event.preventDefault();
    const texts = { threat: threat.trim(), vulnerability: blankToUndefined(vulnerability), consequence: blankToUndefined(consequence) };
    const done = await run(() =>
      mode === 'register'
        ? api.risks.register(credential, projectId, { ...texts, probability, impact, actionNeeded, owner: blankToUndefined(owner), reason: blankToUndefined(reason) })
        : api.risks.propose(credential, projectId, { ...texts, probability, impact }),
    );
    if (done) {
      setThreat('');
      setVulnerability('');
      setConsequence('');
      setReason('');
    }
  }

  return (
    <form class="card form risk-form" onSubmit={submit} data-testid={`${prefix}-form`}>
      <h2>{mode === 'register' ? t('risk.registerTitle') : t('risk.proposeTitle')}</h2>
      <TextField id={`${prefix}-threat`} label={t('risk.threat')} value={threat} onInput={setThreat} required multiline />
      <TextField id={`${prefix}-vulnerability`} label={t('risk.vulnerability')} value={vulnerability} onInput={setVulnerability} multiline />
      <TextField id={`${prefix}-consequence`} label={t('risk.consequence')} value={consequence} onInput={setConsequence} multiline />
      <div class="scale-row">
        <ScaleField id={`${prefix}-probability`} label={t('risk.probability')} value={probability} onChange={setProbability} />
        <ScaleField id={`${prefix}-impact`} label={t('risk.impact')} value={impact} onChange={setImpact} />
        <Preview probability={probability} impact={impact} />
      </div>
      {mode === 'register' && (
        <>
          <TextField id={`${prefix}-owner`} label={t('risk.owner')} value={owner} onInput={setOwner} maxLength={120} />
          <label class="checkbox">
            <input type="checkbox" checked={actionNeeded} onChange={(e) => setActionNeeded(e.currentTarget.checked)} /> {t('risk.actionNeeded')}
          </label>
          <TextField id={`${prefix}-reason`} label={t('risk.reason')} value={reason} onInput={setReason} />
        </>
      )}
      <ErrorBox text={error} />
      <button type="submit" class="button primary" data-testid={`${prefix}-submit`} disabled={busy}>
        {busy ? t('risk.busy') : mode === 'register' ? t('risk.submitRegister') : t('risk.submitPropose')}
      </button>
    </form>
  );
}

/** The facilitator's new assessment of a risk, with the reason for it. */
export function ReassessForm({ credential, projectId, risk }: { credential: Credential; projectId: string; risk: Risk }) {
  const { t } = useI18n();
  const { busy, error, run } = useCommand();
  const [probability, setProbability] = useState<Score>(asScore(risk.probability));
  const [impact, setImpact] = useState<Score>(asScore(risk.impact));
  const [reason, setReason] = useState('');
  const id = `reassess-${risk.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (await run(() => api.risks.reassess(credential, projectId, risk.id, { probability, impact, reason: reason.trim() }))) setReason('');
  }

  return (
    <form class="form subform" onSubmit={submit}>
      <h4>{t('risk.reassess')}</h4>
      <div class="scale-row">
        <ScaleField id={`${id}-probability`} label={t('risk.probability')} value={probability} onChange={setProbability} />
        <ScaleField id={`${id}-impact`} label={t('risk.impact')} value={impact} onChange={setImpact} />
        <Preview probability={probability} impact={impact} />
      </div>
      <TextField id={`${id}-reason`} label={t('risk.reason')} value={reason} onInput={setReason} required />
      <ErrorBox text={error} />
      <button type="submit" class="button primary" data-testid={`${id}-submit`} disabled={busy}>
        {busy ? t('risk.busy') : t('risk.submitReassess')}
      </button>
    </form>
  );
}

/** Rewrites a risk's texts, owner and whether action is needed. */
export function EditForm({ credential, projectId, risk, onDone }: { credential: Credential; projectId: string; risk: Risk; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useCommand();
  const [threat, setThreat] = useState(risk.threat);
  const [vulnerability, setVulnerability] = useState(risk.vulnerability ?? '');
  const [consequence, setConsequence] = useState(risk.consequence ?? '');
  const [owner, setOwner] = useState(risk.owner ?? '');
  const [actionNeeded, setActionNeeded] = useState(risk.actionNeeded);
  const id = `edit-${risk.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    const done = await run(() =>
      api.risks.edit(credential, projectId, risk.id, {
        threat: threat.trim(),
        vulnerability: blankToUndefined(vulnerability) ?? null,
        consequence: blankToUndefined(consequence) ?? null,
        owner: blankToUndefined(owner) ?? null,
        actionNeeded,
      }),
    );
    if (done) onDone();
  }

  return (
    <form class="form subform" onSubmit={submit}>
      <h4>{t('risk.edit')}</h4>
      <TextField id={`${id}-threat`} label={t('risk.threat')} value={threat} onInput={setThreat} required multiline />
      <TextField id={`${id}-vulnerability`} label={t('risk.vulnerability')} value={vulnerability} onInput={setVulnerability} multiline />
      <TextField id={`${id}-consequence`} label={t('risk.consequence')} value={consequence} onInput={setConsequence} multiline />
      <TextField id={`${id}-owner`} label={t('risk.owner')} value={owner} onInput={setOwner} maxLength={120} />
      <label class="checkbox">
        <input type="checkbox" checked={actionNeeded} onChange={(e) => setActionNeeded(e.currentTarget.checked)} /> {t('risk.actionNeeded')}
      </label>
      <ErrorBox text={error} />
      <div class="button-row">
        <button type="submit" class="button primary" disabled={busy}>
          {t('risk.save')}
        </button>
        <button type="button" class="button secondary" onClick={onDone}>
          {t('risk.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Adds a proposed action to a risk. */
export function ActionForm({ credential, projectId, risk }: { credential: Credential; projectId: string; risk: Risk }) {
  const { t } = useI18n();
  const { busy, error, run } = useCommand();
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const id = `action-${risk.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    const done = await run(() =>
      api.risks.addAction(credential, projectId, risk.id, {
        description: description.trim(),
        owner: blankToUndefined(owner) ?? null,
        dueDate: dueDate === '' ? null : dueDate,
      }),
    );
    if (done) {
      setDescription('');
      setOwner('');
      setDueDate('');
    }
  }

  return (
    <form class="form subform" onSubmit={submit}>
      <h4>{t('risk.addAction')}</h4>
      <TextField id={`${id}-description`} label={t('risk.action.description')} value={description} onInput={setDescription} required />
      <div class="scale-row">
        <TextField id={`${id}-owner`} label={t('risk.action.owner')} value={owner} onInput={setOwner} maxLength={120} />
        <div class="field">
          <label for={`${id}-due`}>{t('risk.action.dueDate')}</label>
          <input id={`${id}-due`} type="date" value={dueDate} onInput={(e) => setDueDate(e.currentTarget.value)} />
        </div>
      </div>
      <ErrorBox text={error} />
      <button type="submit" class="button secondary" disabled={busy}>
        {t('risk.addAction')}
      </button>
    </form>
  );
}

/** Moves an action to another status. */
export function ActionStatusSelect({ credential, projectId, risk, action }: { credential: Credential; projectId: string; risk: Risk; action: RiskAction }) {
  const { t } = useI18n();
  const { busy, error, run } = useCommand();
  const id = `action-${risk.id}-${action.id}-status`;
  return (
    <span class="action-status">
      <label class="visually-hidden" for={id}>
        {t('risk.state')}
      </label>
      <select
        id={id}
        value={action.status}
        disabled={busy}
        onChange={(e) => {
          const status = RISK_ACTION_STATUSES.find((s) => s === e.currentTarget.value);
          if (status) void run(() => api.risks.updateAction(credential, projectId, risk.id, action.id, { ...action, status }));
        }}
      >
        {RISK_ACTION_STATUSES.map((s: RiskActionStatus) => (
          <option key={s} value={s}>
            {t(`risk.action.status.${s}`)}
          </option>
        ))}
      </select>
      <ErrorBox text={error} />
    </span>
  );
}

/**
 * A risk's joint estimate: the facilitator starts, reveals, adopts or discards it; a
 * participant gives S and K while it is open. Before the reveal only the count shows.
 */
export function EstimatePanel(props: { credential: Credential; projectId: string; risk: Risk; facilitator: boolean; me: string | null }) {
  const { credential, projectId, risk, facilitator, me } = props;
  const { t } = useI18n();
  const { busy, error, run } = useCommand();
  const suggestion = suggestedAdoption(risk);
  const [probability, setProbability] = useState<Score>(asScore(suggestion.probability));
  const [impact, setImpact] = useState<Score>(asScore(suggestion.impact));
  const [reason, setReason] = useState('');
  const estimate = risk.estimate;
  const id = `estimate-${risk.id}`;
  const given = me !== null && estimate !== null && estimate.estimators.includes(me);

  if (!estimate) {
    return facilitator && risk.state !== 'CLOSED' ? (
      <div class="estimate">
        <button type="button" class="button secondary" data-testid={`${id}-open`} disabled={busy} onClick={() => void run(() => api.risks.openEstimate(credential, projectId, risk.id))}>
          {t('risk.estimate.open')}
        </button>
        <ErrorBox text={error} />
      </div>
    ) : null;
  }

  return (
    <section class="estimate card" data-testid={id} data-state={estimate.state} data-count={String(estimate.count)} aria-label={t('risk.estimate.title')}>
      <h4>{t('risk.estimate.title')}</h4>
      <p role="status">{t('risk.estimate.count', { count: estimate.count })}</p>
      {estimate.state === 'open' && <p class="muted">{t('risk.estimate.sealed')}</p>}
      {estimate.state === 'revealed' && estimate.probability && estimate.impact && estimate.value && (
        <>
          <p data-testid={`${id}-spread`}>
            {t('risk.estimate.spread', {
              sMin: estimate.probability.min,
              sMax: estimate.probability.max,
              sMedian: estimate.probability.median,
              kMin: estimate.impact.min,
              kMax: estimate.impact.max,
              kMedian: estimate.impact.median,
              rMin: estimate.value.min,
              rMax: estimate.value.max,
            })}
          </p>
          <ul class="estimate-values">
            {(estimate.values ?? []).map((v, i) => (
              <li key={i} class={`level-text-${levelOf(v.value).toLowerCase()}`}>
                S {v.probability} × K {v.impact} = {v.value}
              </li>
            ))}
          </ul>
        </>
      )}
      {!facilitator && estimate.state === 'open' && me !== null && (
        <form
          class="form subform"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api.risks.estimate(credential, projectId, risk.id, probability, impact));
          }}
        >
          <h5>{t('risk.estimate.give')}</h5>
          <div class="scale-row">
            <ScaleField id={`${id}-probability`} label={t('risk.probability')} value={probability} onChange={setProbability} />
            <ScaleField id={`${id}-impact`} label={t('risk.impact')} value={impact} onChange={setImpact} />
          </div>
          <button type="submit" class="button primary" data-testid={`${id}-send`} disabled={busy}>
            {t('risk.estimate.send')}
          </button>
          {given && <p class="muted" data-testid={`${id}-given`}>{t('risk.estimate.given')}</p>}
        </form>
      )}
      {facilitator && (
        <div class="button-row">
          {estimate.state === 'open' && (
            <button type="button" class="button primary" data-testid={`${id}-reveal`} disabled={busy || estimate.count === 0} onClick={() => void run(() => api.risks.reveal(credential, projectId, risk.id))}>
              {t('risk.estimate.reveal')}
            </button>
          )}
          <button type="button" class="button secondary" disabled={busy} onClick={() => void run(() => api.risks.discardEstimate(credential, projectId, risk.id))}>
            {t('risk.estimate.discard')}
          </button>
        </div>
      )}
      {facilitator && estimate.state === 'revealed' && (
        <form
          class="form subform"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api.risks.adopt(credential, projectId, risk.id, probability, impact, blankToUndefined(reason)));
          }}
        >
          <div class="scale-row">
            <ScaleField id={`${id}-adopt-probability`} label={t('risk.probability')} value={probability} onChange={setProbability} />
            <ScaleField id={`${id}-adopt-impact`} label={t('risk.impact')} value={impact} onChange={setImpact} />
            <Preview probability={probability} impact={impact} />
          </div>
          <TextField id={`${id}-adopt-reason`} label={t('risk.reason')} value={reason} onInput={setReason} />
          <button type="submit" class="button primary" data-testid={`${id}-adopt`} disabled={busy}>
            {t('risk.estimate.adopt')}
          </button>
        </form>
      )}
      <ErrorBox text={error} />
    </section>
  );
}
