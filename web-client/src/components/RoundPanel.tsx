import { useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import type { RatingMode, Round, ScopeKind, WorkshopSnapshot } from '../api/types';
import type { Lang, MessageKey, MessageParams } from '../i18n';
import { useI18n } from '../lang';
import { formatCountdown, latestRound, openRound, secondsLeft, timeLimitSeconds } from '../rounds';
import { ErrorBox } from './common';
import { useFetched, useNow } from './hooks';
import { FigureHeads, Figures } from './ResultsPanel';
import { meanAttribute } from '../format';

type T = (key: MessageKey, params?: MessageParams) => string;

/** What a round covers, in words. */
export function scopeText(round: Pick<Round, 'scope'>, snapshot: WorkshopSnapshot, lang: Lang, t: T): string {
  const { kind, target } = round.scope;
  const capability = snapshot.capabilities.find((c) => c.id === target)?.name[lang] ?? target ?? '';
  switch (kind) {
    case 'ALL':
      return t('round.scope.ALL');
    case 'CATEGORY':
      return t('round.scopeCategory', {
        name: snapshot.categories.find((c) => c.id === target)?.name[lang] ?? target ?? '',
      });
    case 'SUBTREE':
      return t('round.scopeSubtree', { name: capability });
    case 'CAPABILITY':
      return capability;
  }
}

/** The settings of a round in one line: overall or per dimension, sealed or live, anonymous or named. */
export function settingsText(round: Round, t: T): string {
  return [
    t(round.ratingMode === 'PER_DIMENSION' ? 'round.perDimension' : 'round.overall'),
    t(round.sealed ? 'round.sealedShort' : 'round.liveShort'),
    t(round.anonymous ? 'round.anonymousShort' : 'round.namedShort'),
  ].join(' · ');
}

/** "N have voted", live; the countdown when the round has a deadline. */
export function VoterCount({ round }: { round: Round }) {
  const { t } = useI18n();
  return (
    <p class="voter-count" aria-live="polite">
      <span data-testid="voter-count" data-count={String(round.voterCount)}>
        {t('round.voted', { count: round.voterCount })}
      </span>
    </p>
  );
}

export function Countdown({ round }: { round: Round }) {
  const { t } = useI18n();
  const ticking = round.state === 'open' && round.deadline !== null;
  const now = useNow(ticking);
  const left = secondsLeft(round.deadline, now);
  if (!ticking || left === null) return null;
  return (
    <p class={left <= 30 ? 'countdown ending' : 'countdown'} data-testid="round-countdown" data-seconds={String(left)}>
      {left > 0 ? t('round.timeLeft', { time: formatCountdown(left) }) : t('round.timeUp')}
    </p>
  );
}

function Participation({ snapshot, round, credential }: { snapshot: WorkshopSnapshot; round: Round; credential: Credential }) {
  const { t } = useI18n();
  const { data, error } = useFetched(
    `${snapshot.id}:${round.id}:${credential.token}`,
    () => api.participation(credential, snapshot.id, round.id),
    `${round.voterCount}:${snapshot.participantCount}:${round.state}`,
    250,
  );
  if (error !== null && data === null) return <ErrorBox text={errorText(error, t)} />;
  if (data === null) return null;
  return (
    <div class="participation" data-testid="participation" data-voted={String(data.voted)} data-not-voted={String(data.notVoted)}>
      <p>{t('round.participation', { voted: data.voted, notVoted: data.notVoted })}</p>
      {round.anonymous ? (
        <p class="muted small">{t('round.anonymousNames')}</p>
      ) : (
        <div class="name-lists">
          <div>
            <h4>{t('round.votedNames')}</h4>
            <ul data-testid="voted-names">
              {data.votedNames.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </div>
          <div>
            <h4>{t('round.notVotedNames')}</h4>
            <ul data-testid="not-voted-names">
              {data.notVotedNames.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}

/** A round's own results: per capability (and dimension) count, mean, median, spread, agreement. */
export function RoundResultsTable({ snapshot, round }: { snapshot: WorkshopSnapshot; round: Round }) {
  const { t, lang } = useI18n();
  if (round.results === null) {
    return <p class="sealed-note">{t('round.sealedNote')}</p>;
  }
  const order = new Map(snapshot.capabilities.map((c, i) => [c.id, i]));
  const dims = snapshot.dimensions.map((d) => d.id);
  const rows = round.results
    .slice()
    .sort(
      (a, b) =>
        (order.get(a.capabilityId) ?? 0) - (order.get(b.capabilityId) ?? 0) ||
        dims.indexOf(a.dimension ?? '') - dims.indexOf(b.dimension ?? ''),
    );
  if (rows.length === 0) return <p class="muted">{t('round.noResults')}</p>;
  return (
    <div class="table-scroll" role="region" aria-labelledby={`round-${round.id}-caption`} tabIndex={0}>
      <table class="figures" data-testid="round-results" data-round={String(round.number)}>
        <caption id={`round-${round.id}-caption`}>{t('round.resultsCaption', { number: round.number })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.capability')}</th>
            <FigureHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const capability = snapshot.capabilities.find((c) => c.id === r.capabilityId);
            const dimension = r.dimension ? snapshot.dimensions.find((d) => d.id === r.dimension) : null;
            const name = capability?.name[lang] ?? r.capabilityId;
            return (
              <tr
                key={`${r.capabilityId}/${r.dimension ?? ''}`}
                data-testid={`round-result-${r.capabilityId}${r.dimension ? `-${r.dimension}` : ''}`}
                data-count={String(r.rating.count)}
                data-mean={meanAttribute(r.rating.mean)}
              >
                <th scope="row">
                  {name}
                  {r.dimension && <span class="dimension"> – {dimension?.name[lang] ?? r.dimension}</span>}
                </th>
                <Figures rating={r.rating} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function useAction(): [boolean, string | null, (run: () => Promise<unknown>) => void] {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    run().then(
      () => setBusy(false),
      (e: unknown) => {
        setError(errorText(e, t));
        setBusy(false);
      },
    );
  };
  return [busy, error, act];
}

function OpenRoundForm({ snapshot, credential }: { snapshot: WorkshopSnapshot; credential: Credential }) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<ScopeKind>('ALL');
  const [target, setTarget] = useState('');
  const [ratingMode, setRatingMode] = useState<RatingMode>('OVERALL');
  const [anonymous, setAnonymous] = useState(false);
  const [sealed, setSealed] = useState(true);
  const [minutes, setMinutes] = useState('');
  const [busy, error, act] = useAction();
  const [invalid, setInvalid] = useState<string | null>(null);

  const parents = new Set(snapshot.capabilities.map((c) => c.parentId).filter((p): p is string => p !== null));
  const targets =
    kind === 'CATEGORY'
      ? snapshot.categories.map((c) => ({ id: c.id, name: c.name[lang] }))
      : kind === 'SUBTREE'
        ? snapshot.capabilities.filter((c) => parents.has(c.id)).map((c) => ({ id: c.id, name: c.name[lang] }))
        : kind === 'CAPABILITY'
          ? snapshot.capabilities.map((c) => ({ id: c.id, name: c.parentId ? `– ${c.name[lang]}` : c.name[lang] }))
          : [];
  const chosenTarget = targets.some((x) => x.id === target) ? target : (targets[0]?.id ?? '');

  function submit(event: Event) {
    event.preventDefault();
    const limit = timeLimitSeconds(minutes);
    if (limit === 'invalid') {
      setInvalid(t('round.timeLimitInvalid'));
      return;
    }
    setInvalid(null);
    act(() =>
      api.openRound(credential, snapshot.id, {
        scope: kind === 'ALL' ? { kind } : { kind, target: chosenTarget },
        ratingMode,
        anonymous,
        sealed,
        ...(limit === null ? {} : { timeLimitSeconds: limit }),
      }),
    );
  }

  return (
    <form class="open-round form" onSubmit={submit} aria-labelledby="open-round-title">
      <h3 id="open-round-title">{t('round.openTitle')}</h3>
      <div class="form-row">
        <div class="field">
          <label for="round-scope-kind">{t('round.scope')}</label>
          <select
            id="round-scope-kind"
            data-testid="round-scope-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as ScopeKind)}
          >
            {(['ALL', 'CATEGORY', 'SUBTREE', 'CAPABILITY'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`round.scope.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {kind !== 'ALL' && (
          <div class="field">
            <label for="round-scope-target">{t(`round.target.${kind}`)}</label>
            <select
              id="round-scope-target"
              data-testid="round-scope-target"
              value={chosenTarget}
              onChange={(e) => setTarget(e.currentTarget.value)}
            >
              {targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <fieldset class="choice-group">
        <legend>{t('round.ratingMode')}</legend>
        <label>
          <input
            type="radio"
            name="round-rating-mode"
            data-testid="round-mode-overall"
            checked={ratingMode === 'OVERALL'}
            onChange={() => setRatingMode('OVERALL')}
          />{' '}
          {t('round.overall')}
        </label>
        <label>
          <input
            type="radio"
            name="round-rating-mode"
            data-testid="round-mode-dimensions"
            checked={ratingMode === 'PER_DIMENSION'}
            onChange={() => setRatingMode('PER_DIMENSION')}
          />{' '}
          {t('round.perDimensionLong', { dimensions: snapshot.dimensions.map((d) => d.name[lang].toLowerCase()).join(', ') })}
        </label>
      </fieldset>
      <div class="checks">
        <label>
          <input
            type="checkbox"
            data-testid="round-sealed"
            checked={sealed}
            onChange={(e) => setSealed(e.currentTarget.checked)}
          />{' '}
          {t('round.sealed')}
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="round-anonymous"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />{' '}
          {t('round.anonymous')}
        </label>
      </div>
      <div class="field narrow-field">
        <label for="round-time-limit">{t('round.timeLimit')}</label>
        <input
          id="round-time-limit"
          data-testid="round-time-limit"
          inputMode="decimal"
          value={minutes}
          aria-describedby="round-time-limit-hint"
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
        <p id="round-time-limit-hint" class="hint">
          {t('round.timeLimitHint')}
        </p>
      </div>
      <ErrorBox text={invalid ?? error} />
      <button type="submit" class="button primary" data-testid="open-round" disabled={busy}>
        {t('round.open')}
      </button>
    </form>
  );
}

function RoundHeader({ snapshot, round }: { snapshot: WorkshopSnapshot; round: Round }) {
  const { t, lang } = useI18n();
  return (
    <div class="round-header">
      <h3>
        {t('round.title', { number: round.number })}{' '}
        <span class={`round-state state-${round.state}`} data-testid="round-state" data-state={round.state}>
          {t(`round.state.${round.state}`)}
        </span>
      </h3>
      <p class="muted">
        {scopeText(round, snapshot, lang, t)} · {t('round.capabilityCount', { count: round.capabilityIds.length })}
      </p>
      <p class="muted">{settingsText(round, t)}</p>
      {round.timedOut && <p class="muted">{t('round.timedOut')}</p>}
    </div>
  );
}

/** A round before the current one: its state, a reveal button while it is closed, its results on demand. */
function EarlierRound({ snapshot, round, credential }: { snapshot: WorkshopSnapshot; round: Round; credential: Credential }) {
  const { t, lang } = useI18n();
  const [busy, error, act] = useAction();
  return (
    <li class="earlier-round" data-testid={`round-${round.number}`} data-state={round.state}>
      <p>
        <strong>{t('round.title', { number: round.number })}</strong> – {t(`round.state.${round.state}`)} ·{' '}
        {scopeText(round, snapshot, lang, t)} · {t('round.voted', { count: round.voterCount })}
      </p>
      <ErrorBox text={error} />
      {round.state === 'closed' && (
        <button
          type="button"
          class="button secondary"
          data-testid={`reveal-round-${round.number}`}
          disabled={busy}
          onClick={() => act(() => api.revealRound(credential, snapshot.id, round.id))}
        >
          {t('round.reveal')}
        </button>
      )}
      {round.results !== null && (
        <details>
          <summary>{t('round.showResults')}</summary>
          <RoundResultsTable snapshot={snapshot} round={round} />
        </details>
      )}
    </li>
  );
}

/**
 * The facilitator's round controls: open a round with its settings; while it is open the live
 * voter count, countdown and who has voted, and close; then reveal; then the round's results.
 */
export function RoundPanel({ snapshot, credential }: { snapshot: WorkshopSnapshot; credential: Credential }) {
  const { t } = useI18n();
  const [busy, error, act] = useAction();
  const open = openRound(snapshot);
  const latest = latestRound(snapshot);
  const current = open ?? latest;

  return (
    <section class="round-panel card" aria-labelledby="round-panel-title" data-testid="round-panel">
      <h2 id="round-panel-title">{t('round.panelTitle')}</h2>
      {snapshot.mode === 'free' && <p class="muted">{t('round.freeExplained')}</p>}
      {current && (
        <div class="round-current" data-testid="current-round" data-round-id={current.id} data-state={current.state}>
          <RoundHeader snapshot={snapshot} round={current} />
          <VoterCount round={current} />
          <Countdown round={current} />
          {current.state === 'open' && <Participation snapshot={snapshot} round={current} credential={credential} />}
          <ErrorBox text={error} />
          <div class="round-actions">
            {current.state === 'open' && (
              <button
                type="button"
                class="button primary"
                data-testid="close-round"
                disabled={busy}
                onClick={() => act(() => api.closeRound(credential, snapshot.id, current.id))}
              >
                {t('round.close')}
              </button>
            )}
            {current.state === 'closed' && (
              <button
                type="button"
                class="button primary"
                data-testid="reveal-round"
                disabled={busy}
                onClick={() => act(() => api.revealRound(credential, snapshot.id, current.id))}
              >
                {t('round.reveal')}
              </button>
            )}
          </div>
          {current.sealed && current.state !== 'revealed' ? (
            <p class="sealed-note" data-testid="round-sealed-note">
              {t('round.sealedNote')}
            </p>
          ) : (
            <RoundResultsTable snapshot={snapshot} round={current} />
          )}
        </div>
      )}
      {!open && <OpenRoundForm key={latest?.id ?? 'first'} snapshot={snapshot} credential={credential} />}
      {snapshot.rounds.length > 1 && (
        <section class="earlier-rounds" aria-labelledby="earlier-rounds-title">
          <h3 id="earlier-rounds-title">{t('round.earlier')}</h3>
          <ul>
            {snapshot.rounds
              .filter((r) => r.id !== current?.id)
              .reverse()
              .map((r) => (
                <EarlierRound key={r.id} snapshot={snapshot} round={r} credential={credential} />
              ))}
          </ul>
        </section>
      )}
    </section>
  );
}
