import { useEffect, useRef, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { isApiError } from '../api/client';
import { api, errorText } from '../api/instance';
import {
  PRIORITIES,
  type CostKind,
  type MyBallot,
  type Priority,
  type Scenario,
  type ScenarioVote,
  type ScenarioVoteMethod,
  type WorkshopSnapshot,
} from '../api/types';
import { formatMean, meanAttribute } from '../format';
import { useI18n } from '../lang';
import { groupModel } from '../model';
import {
  compareScenarios,
  costInput,
  currentScenarioVote,
  dotsRemaining,
  formatCost,
  formatDuration,
  moveInRanking,
  parseCost,
  scenarioIdFor,
  startingDots,
  startingRanking,
  stepDots,
  type CostUnit,
} from '../scenarios';
import { ErrorBox } from './common';
import { useFetched } from './hooks';

const PRIORITY_KEYS = { HIGH: 'scenario.priority.HIGH', MEDIUM: 'scenario.priority.MEDIUM', LOW: 'scenario.priority.LOW' } as const;

/** The facilitator's form to define a scenario, or redefine one (`editing`). */
function ScenarioForm({
  snapshot,
  credential,
  editing,
  onDone,
}: {
  snapshot: WorkshopSnapshot;
  credential: Credential;
  editing: Scenario | null;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const start = editing ? costInput(editing.costSek, lang) : { amount: '', unit: 'mnkr' as CostUnit };
  const [name, setName] = useState(editing?.name ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [chosen, setChosen] = useState<string[]>(editing ? editing.capabilityIds.slice() : []);
  const [amount, setAmount] = useState(start.amount);
  const [unit, setUnit] = useState<CostUnit>(start.unit);
  const [costKind, setCostKind] = useState<CostKind>(editing?.costKind ?? 'ONE_OFF');
  const [months, setMonths] = useState(String(editing?.durationMonths ?? 12));
  const [priority, setPriority] = useState<Priority>(editing?.priority ?? 'MEDIUM');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const prefix = editing ? `edit-${editing.id}` : 'new';

  async function submit(e: Event) {
    e.preventDefault();
    const costSek = parseCost(amount === '' ? '0' : amount, unit);
    const durationMonths = Number(months);
    if (name.trim() === '') return setError(t('scenario.nameMissing'));
    if (costSek === null) return setError(t('scenario.costInvalid'));
    if (!Number.isInteger(durationMonths) || durationMonths < 0 || durationMonths > 240) {
      return setError(t('scenario.durationInvalid'));
    }
    const id = editing?.id ?? scenarioIdFor(name, snapshot.scenarios.map((s) => s.id));
    setBusy(true);
    setError(null);
    try {
      await api.defineScenario(credential, snapshot.id, id, {
        name: name.trim(),
        description: description.trim(),
        capabilityIds: chosen,
        costSek,
        costKind,
        durationMonths,
        priority,
      });
      onDone();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string, on: boolean) =>
    setChosen((list) => (on ? [...list.filter((c) => c !== id), id] : list.filter((c) => c !== id)));

  return (
    <form class="scenario-form card" onSubmit={submit} data-testid="scenario-form">
      <h3>{editing ? t('scenario.editTitle', { name: editing.name }) : t('scenario.newTitle')}</h3>
      <label for={`${prefix}-name`}>{t('scenario.name')}</label>
      <input id={`${prefix}-name`} data-testid="scenario-name" maxLength={120} required value={name}
             onInput={(e) => setName(e.currentTarget.value)} />
      <label for={`${prefix}-description`}>{t('scenario.description')}</label>
      <textarea id={`${prefix}-description`} data-testid="scenario-description" maxLength={2000} rows={3}
                value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      <fieldset class="scenario-caps">
        <legend>{t('scenario.capabilities', { count: chosen.length })}</legend>
        {groupModel(snapshot).map((section) => (
          <details key={section.category.id}>
            <summary>{section.category.name[lang]}</summary>
            {section.groups.flatMap((g) => [g.capability, ...g.subCapabilities])
              .filter((c) => !c.retired || chosen.includes(c.id))
              .map((c) => (
                <label class={c.parentId ? 'check sub' : 'check'} key={c.id}>
                  <input type="checkbox" data-testid={`scenario-cap-${c.id}`} checked={chosen.includes(c.id)}
                         onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
                  {c.name[lang]}
                </label>
              ))}
          </details>
        ))}
      </fieldset>
      <div class="form-row">
        <div>
          <label for={`${prefix}-cost`}>{t('scenario.cost')}</label>
          <input id={`${prefix}-cost`} data-testid="scenario-cost" inputMode="decimal" value={amount}
                 onInput={(e) => setAmount(e.currentTarget.value)} />
        </div>
        <div>
          <label for={`${prefix}-unit`}>{t('scenario.costUnit')}</label>
          <select id={`${prefix}-unit`} data-testid="scenario-cost-unit" value={unit}
                  onChange={(e) => setUnit(e.currentTarget.value as CostUnit)}>
            <option value="kr">kr</option>
            <option value="tkr">tkr</option>
            <option value="mnkr">mnkr</option>
          </select>
        </div>
        <div>
          <label for={`${prefix}-kind`}>{t('scenario.costKind')}</label>
          <select id={`${prefix}-kind`} data-testid="scenario-cost-kind" value={costKind}
                  onChange={(e) => setCostKind(e.currentTarget.value as CostKind)}>
            <option value="ONE_OFF">{t('scenario.costKind.ONE_OFF')}</option>
            <option value="PER_YEAR">{t('scenario.costKind.PER_YEAR')}</option>
          </select>
        </div>
      </div>
      <div class="form-row">
        <div>
          <label for={`${prefix}-months`}>{t('scenario.duration')}</label>
          <input id={`${prefix}-months`} data-testid="scenario-duration" type="number" min={0} max={240} step={1}
                 value={months} onInput={(e) => setMonths(e.currentTarget.value)} />
        </div>
        <div>
          <label for={`${prefix}-priority`}>{t('scenario.priority')}</label>
          <select id={`${prefix}-priority`} data-testid="scenario-priority" value={priority}
                  onChange={(e) => setPriority(e.currentTarget.value as Priority)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>{t(PRIORITY_KEYS[p])}</option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBox text={error} />
      <div class="button-row">
        <button type="submit" class="button" data-testid="scenario-save" disabled={busy}>
          {t('scenario.save')}
        </button>
        {editing && (
          <button type="button" class="button secondary" onClick={onDone}>{t('scenario.cancel')}</button>
        )}
      </div>
    </form>
  );
}

/** Opening, closing and revealing a scenario vote. */
function VoteControls({ snapshot, credential, vote }: { snapshot: WorkshopSnapshot; credential: Credential; vote: ScenarioVote | null }) {
  const { t } = useI18n();
  const [method, setMethod] = useState<ScenarioVoteMethod>('DOTS');
  const [dots, setDots] = useState('3');
  const [sealed, setSealed] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  const open = vote?.state === 'open';
  return (
    <div class="scenario-vote-controls">
      {vote && (
        <p>
          <span data-testid="scenario-vote-state" data-state={vote.state}>
            {t('scenario.vote.state', { state: t(`round.state.${vote.state}`) })}
          </span>{' '}
          · {t(vote.method === 'DOTS' ? 'scenario.vote.dotsEach' : 'scenario.vote.ranking', { count: vote.dotsPerPerson })}
          {' '}· {t(vote.sealed ? 'round.sealedShort' : 'round.liveShort')} ·{' '}
          <span data-testid="scenario-voter-count" data-count={String(vote.voterCount)} aria-live="polite">
            {t('round.voted', { count: vote.voterCount })}
          </span>
        </p>
      )}
      {open && vote && (
        <button type="button" class="button" data-testid="scenario-vote-close" disabled={busy}
                onClick={() => run(() => api.closeScenarioVote(credential, snapshot.id, vote.id))}>
          {t('scenario.vote.close')}
        </button>
      )}
      {vote?.state === 'closed' && (
        <button type="button" class="button" data-testid="scenario-vote-reveal" disabled={busy}
                onClick={() => run(() => api.revealScenarioVote(credential, snapshot.id, vote.id))}>
          {t('scenario.vote.reveal')}
        </button>
      )}
      {!open && (
        <form class="form-row" onSubmit={(e) => {
          e.preventDefault();
          const n = Number(dots);
          if (method === 'DOTS' && (!Number.isInteger(n) || n < 1 || n > 100)) return setError(t('scenario.vote.dotsInvalid'));
          void run(() => api.openScenarioVote(credential, snapshot.id, { method, dotsPerPerson: method === 'DOTS' ? n : undefined, sealed }));
        }}>
          <div>
            <label for="vote-method">{t('scenario.vote.method')}</label>
            <select id="vote-method" data-testid="scenario-vote-method" value={method}
                    onChange={(e) => setMethod(e.currentTarget.value as ScenarioVoteMethod)}>
              <option value="DOTS">{t('scenario.vote.method.DOTS')}</option>
              <option value="RANK">{t('scenario.vote.method.RANK')}</option>
            </select>
          </div>
          {method === 'DOTS' && (
            <div>
              <label for="vote-dots">{t('scenario.vote.dotsPerPerson')}</label>
              <input id="vote-dots" data-testid="scenario-vote-dots" type="number" min={1} max={100} step={1}
                     value={dots} onInput={(e) => setDots(e.currentTarget.value)} />
            </div>
          )}
          <label class="check">
            <input type="checkbox" data-testid="scenario-vote-sealed" checked={sealed}
                   onChange={(e) => setSealed(e.currentTarget.checked)} />
            {t('scenario.vote.sealed')}
          </label>
          <button type="submit" class="button" data-testid="scenario-vote-open"
                  disabled={busy || snapshot.scenarios.length < 2}>
            {t('scenario.vote.open')}
          </button>
          {snapshot.scenarios.length < 2 && <p class="muted small">{t('scenario.vote.needTwo')}</p>}
        </form>
      )}
      <ErrorBox text={error} />
    </div>
  );
}

/** Scenarios side by side: cost, duration, priority, votes, and the ratings of what each strengthens. */
export function ScenarioComparison({ snapshot, credential }: { snapshot: WorkshopSnapshot; credential: Credential }) {
  const { t, lang } = useI18n();
  const vote = currentScenarioVote(snapshot);
  const { data: results } = useFetched(
    `${snapshot.id}:${credential.token}`,
    () => api.workshopResults(credential, snapshot.id, 'current'),
    String(snapshot.version),
    600,
  );
  if (snapshot.scenarios.length === 0) return null;
  const rows = compareScenarios(snapshot.scenarios, vote, results, snapshot.capabilities);
  const withResults = vote?.results != null;
  return (
    <div class="scenario-compare" data-testid="scenario-compare" data-results={String(withResults)}>
      <h3>{t('scenario.compareTitle')}</h3>
      {vote && !withResults && <p class="sealed-note" data-testid="scenario-sealed-note">{t('scenario.sealedNote')}</p>}
      <div class="compare-grid">
        {rows.map((row) => (
          <article class="card scenario-card" key={row.scenario.id} data-testid={`scenario-compare-${row.scenario.id}`}
                   data-dots={row.tally ? String(row.tally.dots) : ''} data-points={row.tally ? String(row.tally.points) : ''}
                   data-place={row.place === null ? '' : String(row.place)}>
            <h4>
              {row.place !== null && <span class="place">{t('scenario.place', { place: row.place })} </span>}
              {row.scenario.name}
            </h4>
            {row.scenario.description && <p class="muted small">{row.scenario.description}</p>}
            <dl class="scenario-facts">
              <dt>{t('scenario.cost')}</dt>
              <dd>{formatCost(row.scenario.costSek, row.scenario.costKind, lang)}</dd>
              <dt>{t('scenario.durationShort')}</dt>
              <dd>{formatDuration(row.scenario.durationMonths, lang)}</dd>
              <dt>{t('scenario.priority')}</dt>
              <dd class={`priority priority-${row.scenario.priority.toLowerCase()}`}>{t(PRIORITY_KEYS[row.scenario.priority])}</dd>
              {row.tally && vote && (
                <>
                  <dt>{t('scenario.votes')}</dt>
                  <dd data-testid={`scenario-tally-${row.scenario.id}`}>
                    {vote.method === 'DOTS'
                      ? t('scenario.dotsTally', { count: row.tally.dots })
                      : t('scenario.pointsTally', { points: row.tally.points, first: row.tally.firstPlaces })}
                  </dd>
                </>
              )}
            </dl>
            {row.capabilities.length > 0 && (
              <ul class="scenario-cap-list" aria-label={t('scenario.strengthens')}>
                {row.capabilities.map((c) => (
                  <li key={c.id} data-capability={c.id} data-mean={meanAttribute(c.rating?.mean ?? null)}>
                    {c.name[lang]}: <strong>{formatMean(c.rating?.mean ?? null, lang)}</strong>
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </div>
    </div>
  );
}

/** The facilitator's scenarios: define and edit them, run votes, compare them. */
export function ScenarioPanel({ snapshot, credential }: { snapshot: WorkshopSnapshot; credential: Credential }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const vote = currentScenarioVote(snapshot);
  const locked = vote?.state === 'open';
  const scenario = snapshot.scenarios.find((s) => s.id === editing) ?? null;
  return (
    <section class="card scenario-panel" aria-labelledby="scenarios-title" data-testid="scenario-panel">
      <h2 id="scenarios-title">{t('scenario.title')}</h2>
      {snapshot.scenarios.length === 0 && <p class="muted">{t('scenario.none')}</p>}
      <ul class="scenario-list">
        {snapshot.scenarios.map((s) => (
          <li key={s.id} data-testid={`scenario-${s.id}`}>
            <strong>{s.name}</strong> – {formatCost(s.costSek, s.costKind, lang)}, {formatDuration(s.durationMonths, lang)},{' '}
            {t(PRIORITY_KEYS[s.priority])}{' '}
            <button type="button" class="link-button" data-testid={`scenario-edit-${s.id}`} disabled={locked}
                    onClick={() => setEditing(s.id)} aria-label={t('scenario.editTitle', { name: s.name })}>
              {t('scenario.edit')}
            </button>
          </li>
        ))}
      </ul>
      {locked && <p class="muted small">{t('scenario.lockedWhileVoting')}</p>}
      {!locked && (
        <ScenarioForm key={scenario ? `e-${scenario.id}` : `n-${formKey}`} snapshot={snapshot} credential={credential}
                      editing={scenario} onDone={() => {
                        setEditing(null);
                        setFormKey((n) => n + 1);
                      }} />
      )}
      <h3>{t('scenario.vote.title')}</h3>
      <VoteControls snapshot={snapshot} credential={credential} vote={vote} />
      <ScenarioComparison snapshot={snapshot} credential={credential} />
    </section>
  );
}

/** A participant's ballot in the open scenario vote: dots with steppers, or a ranking. */
export function ScenarioBallotPanel({ snapshot, credential }: { snapshot: WorkshopSnapshot; credential: Credential }) {
  const { t } = useI18n();
  const vote = currentScenarioVote(snapshot);
  const [kept, setKept] = useState<MyBallot | null>(null);
  const [dots, setDots] = useState<Record<string, number>>({});
  const [ranking, setRanking] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const voteId = vote?.id ?? null;
  const ids = vote?.scenarioIds.join(',') ?? '';

  const shown = useRef<string | null>(null);
  const sentFor = useRef<string | null>(null);
  useEffect(() => {
    if (!vote) return undefined;
    let current = true;
    // Another vote starts from nothing; a re-read after sending keeps what is on screen meanwhile.
    if (shown.current !== `${vote.id}:${ids}`) {
      shown.current = `${vote.id}:${ids}`;
      setKept(null);
      setDots({});
      setRanking(vote.scenarioIds.slice());
    }
    api.myBallot(credential, snapshot.id, vote.id).then(
      (ballot) => {
        // A ballot sent since this read began is newer than what the read brings.
        if (!current || sentFor.current === vote.id) return;
        setKept(ballot);
        setDots(startingDots(vote.scenarioIds, ballot));
        setRanking(startingRanking(vote.scenarioIds, ballot));
      },
      (e: unknown) => current && !isApiError(e, 404) && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
    // The ballot is read again for another vote, not on every snapshot change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [voteId, ids, snapshot.id, credential.token]);

  if (!vote) return null;
  const nameOf = (id: string) => snapshot.scenarios.find((s) => s.id === id)?.name ?? id;
  const open = vote.state === 'open';
  const remaining = dotsRemaining(dots, vote.dotsPerPerson);

  async function send() {
    if (!vote) return;
    setBusy(true);
    setError(null);
    try {
      await api.castBallot(credential, snapshot.id, vote.id, vote.method === 'DOTS' ? { dots } : { ranking });
      sentFor.current = vote.id;
      // Accepted means kept. Reading my-ballot back at once could race the read model and miss it.
      setKept({ voteId: vote.id, dots: vote.method === 'DOTS' ? dots : null, ranking: vote.method === 'RANK' ? ranking : null });
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card ballot-panel" aria-labelledby="ballot-title" data-testid="ballot-panel" data-state={vote.state}>
      <h2 id="ballot-title">{t('ballot.title')}</h2>
      {open && vote.method === 'DOTS' && (
        <>
          <p class="muted">{t('ballot.dotsIntro', { count: vote.dotsPerPerson })}</p>
          <p class="dots-remaining" data-testid="dots-remaining" data-remaining={String(remaining)} aria-live="polite">
            {t('ballot.remaining', { count: remaining, total: vote.dotsPerPerson })}
          </p>
          <ul class="dot-list">
            {vote.scenarioIds.map((id) => {
              const n = dots[id] ?? 0;
              return (
                <li key={id} class="dot-row">
                  <span class="dot-name" id={`dots-name-${id}`}>{nameOf(id)}</span>
                  <span class="stepper">
                    <button type="button" class="button secondary stepper-button" data-testid={`dots-minus-${id}`}
                            disabled={n === 0} aria-label={t('ballot.less', { name: nameOf(id) })}
                            onClick={() => setDots((d) => stepDots(d, id, -1, vote.dotsPerPerson))}>−</button>
                    <output class="dot-count" data-testid={`dots-count-${id}`} data-count={String(n)}
                            aria-labelledby={`dots-name-${id}`} aria-live="polite">{n}</output>
                    <button type="button" class="button secondary stepper-button" data-testid={`dots-plus-${id}`}
                            disabled={remaining === 0} aria-label={t('ballot.more', { name: nameOf(id) })}
                            onClick={() => setDots((d) => stepDots(d, id, 1, vote.dotsPerPerson))}>+</button>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {open && vote.method === 'RANK' && (
        <>
          <p class="muted">{t('ballot.rankIntro')}</p>
          <ol class="rank-list">
            {ranking.map((id, i) => (
              <li key={id} data-testid={`rank-${id}`} data-place={String(i + 1)}>
                <span class="dot-name">{nameOf(id)}</span>
                <span class="stepper">
                  <button type="button" class="button secondary stepper-button" data-testid={`rank-up-${id}`}
                          disabled={i === 0} aria-label={t('ballot.up', { name: nameOf(id) })}
                          onClick={() => setRanking((r) => moveInRanking(r, i, -1))}>↑</button>
                  <button type="button" class="button secondary stepper-button" data-testid={`rank-down-${id}`}
                          disabled={i === ranking.length - 1} aria-label={t('ballot.down', { name: nameOf(id) })}
                          onClick={() => setRanking((r) => moveInRanking(r, i, 1))}>↓</button>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {open && (
        <button type="button" class="button" data-testid="ballot-send" disabled={busy} onClick={send}>
          {kept ? t('ballot.resend') : t('ballot.send')}
        </button>
      )}
      {!open && <p class="muted">{t('ballot.closed')}</p>}
      <p data-testid="ballot-kept" data-kept={String(kept !== null)} aria-live="polite">
        {kept ? t('ballot.kept') : t('ballot.notYet')}
      </p>
      {vote.results === null && <p class="sealed-note" data-testid="ballot-sealed-note">{t('scenario.sealedNote')}</p>}
      <ErrorBox text={error} />
    </section>
  );
}
