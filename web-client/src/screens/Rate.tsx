import { useEffect, useRef, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { SCORES, type Capability, type RatingAggregate, type Round, type Score, type WorkshopSnapshot } from '../api/types';
import { isApiError } from '../api/client';
import { api, errorText } from '../api/instance';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { ResponsibilityVote } from '../components/Responsibility';
import { ScenarioBallotPanel, ScenarioComparison } from '../components/Scenarios';
import { Countdown, scopeText, VoterCount } from '../components/RoundPanel';
import { formatMean } from '../format';
import { useI18n } from '../lang';
import { useLiveWorkshop } from '../live/useLiveWorkshop';
import { groupModel } from '../model';
import {
  EMPTY_ENTRY,
  failed,
  isAlreadyApplied,
  isScore,
  isTransientFailure,
  loadedEntry,
  newIdempotencyKey,
  resendDelayMillis,
  ratingState,
  select,
  succeeded,
  type RatingEntry,
  type Step,
} from '../myRatings';
import { hrefs } from '../router';
import { ratePhase, ratingContext, ratingKey, roundCapabilities, roundResult, type RatePhase } from '../rounds';
import { participantCredential } from '../session';
import { ProjectEscalations } from '../risk/EscalationBanner';

type Entries = Readonly<Record<string, RatingEntry>>;

/** One scale to rate on: the capability as a whole (dimension null) or one of its dimensions. */
interface Scale {
  dimension: string | null;
  label: string | null;
}

interface RateItemProps {
  capability: Capability;
  scales: readonly Scale[];
  entries: Entries | null;
  enabled: boolean;
  sub: boolean;
  /** The aggregate to show beside a scale; null shows none (a sealed round shows none ever). */
  aggregate: (dimension: string | null) => RatingAggregate | null;
  onSelect: (capabilityId: string, dimension: string | null, score: Score) => void;
}

function ScaleRow({
  capability,
  scale,
  entry,
  enabled,
  aggregate,
  onSelect,
}: {
  capability: Capability;
  scale: Scale;
  entry: RatingEntry;
  enabled: boolean;
  aggregate: RatingAggregate | null;
  onSelect: RateItemProps['onSelect'];
}) {
  const { t, lang } = useI18n();
  const state = ratingState(entry);
  const stateText =
    state === 'error' ? t('rate.state.error', { detail: entry.error ?? '' }) : t(`rate.state.${state}`);
  const suffix = scale.dimension ? `-${scale.dimension}` : '';
  const inputs = (
    <div class="scale">
      {SCORES.map((score) => (
        <label class="score" key={score}>
          <input
            type="radio"
            name={`score-${capability.id}${suffix}`}
            value={String(score)}
            checked={entry.shown === score}
            disabled={!enabled}
            data-testid={`rate-${capability.id}${suffix}-${score}`}
            aria-label={t('rate.scoreLabel', { score })}
            aria-describedby={`rated-state-${capability.id}${suffix}`}
            onChange={() => onSelect(capability.id, scale.dimension, score)}
          />
          <span aria-hidden="true">{score}</span>
        </label>
      ))}
    </div>
  );
  const meta = (
    <p class="rate-meta">
      <span
        class={`rated rated-${state}`}
        id={`rated-state-${capability.id}${suffix}`}
        data-testid={`rated-${capability.id}${suffix}`}
        data-state={state}
        role="status"
      >
        {stateText}
      </span>
      {aggregate && (
        <span class="aggregate">{t('rate.aggregate', { count: aggregate.count, mean: formatMean(aggregate.mean, lang) })}</span>
      )}
    </p>
  );
  if (!scale.label) {
    return (
      <>
        {inputs}
        {meta}
      </>
    );
  }
  return (
    <fieldset class="dimension-scale">
      <legend>{scale.label}</legend>
      {inputs}
      {meta}
    </fieldset>
  );
}

function RateItem({ capability, scales, entries, enabled, sub, aggregate, onSelect }: RateItemProps) {
  const { lang } = useI18n();
  return (
    <fieldset class={sub ? 'rate-item sub' : 'rate-item'} data-testid={`rate-item-${capability.id}`}>
      <legend>{capability.name[lang]}</legend>
      {scales.map((scale) => (
        <ScaleRow
          key={scale.dimension ?? ''}
          capability={capability}
          scale={scale}
          entry={entries?.[ratingKey(capability.id, scale.dimension)] ?? EMPTY_ENTRY}
          enabled={enabled}
          aggregate={aggregate(scale.dimension)}
          onSelect={onSelect}
        />
      ))}
    </fieldset>
  );
}

function RoundBanner({ snapshot, phase }: { snapshot: WorkshopSnapshot; phase: RatePhase }) {
  const { t, lang } = useI18n();
  if (phase.kind === 'free') {
    return (
      <p class="phase-banner phase-free" data-testid="rate-phase" data-phase="free">
        {t('rate.phaseFree')}
      </p>
    );
  }
  if (phase.kind === 'open') {
    const { round } = phase;
    return (
      <div class="phase-banner phase-open" data-testid="rate-phase" data-phase="open" data-round-id={round.id}>
        <p>
          <strong>{t('rate.roundOpen', { number: round.number })}</strong> {scopeText(round, snapshot, lang, t)}
        </p>
        {round.ratingMode === 'PER_DIMENSION' && <p>{t('rate.perDimension')}</p>}
        {round.sealed ? (
          <p class="sealed-note" data-testid="round-sealed-note">
            {t('rate.sealed')}
          </p>
        ) : (
          <p>{t('rate.liveRound')}</p>
        )}
        <VoterCount round={round} />
        <Countdown round={round} />
      </div>
    );
  }
  const last: Round | null = phase.last;
  return (
    <div
      class="phase-banner phase-waiting"
      data-testid="rate-phase"
      data-phase="waiting"
      data-round-id={last?.id ?? ''}
      data-round-state={last?.state ?? ''}
    >
      <p>
        <strong>{t('rate.waiting')}</strong>
      </p>
      {last && last.state === 'closed' && (
        <p>{last.sealed ? t('rate.closedSealed', { number: last.number }) : t('rate.closed', { number: last.number })}</p>
      )}
      {last && last.state === 'revealed' && (
        <p>
          {t('rate.revealed', { number: last.number })}{' '}
          <a href={hrefs.dashboard(snapshot.id)}>{t('dash.toDashboard')}</a>
        </p>
      )}
      {last && <VoterCount round={last} />}
    </div>
  );
}

export function Rate({ workshopId }: { workshopId: string }) {
  const { t, lang } = useI18n();
  const credential = participantCredential(workshopId);
  const token = credential?.token ?? null;
  const { snapshot, connection, error } = useLiveWorkshop(workshopId, credential);
  const phase = snapshot ? ratePhase(snapshot) : null;
  const context = phase ? ratingContext(phase) : null;
  const roundId = phase?.kind === 'open' ? phase.round.id : null;
  const [entries, setEntries] = useState<Entries | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const entriesRef = useRef<Entries>({});
  const contextRef = useRef<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Own ratings belong to a context (free rating or one round): a new context starts afresh.
  useEffect(() => {
    contextRef.current = context;
    entriesRef.current = {};
    setEntries(null);
    if (token === null || context === null || context === 'waiting') return undefined;
    let current = true;
    setLoadError(null);
    api.myRatings({ kind: 'participant', token }, workshopId, roundId).then(
      (mine) => {
        if (!current) return;
        const loaded: Record<string, RatingEntry> = {};
        for (const [key, score] of Object.entries(mine)) loaded[key] = loadedEntry(isScore(score) ? score : null);
        entriesRef.current = loaded;
        setEntries(loaded);
      },
      (e: unknown) => current && setLoadError(e),
    );
    return () => {
      current = false;
    };
  }, [workshopId, token, attempt, context]);

  if (token === null) {
    return (
      <main class="narrow">
        <ErrorBox text={t('rate.notJoined')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }
  const participant: Credential = { kind: 'participant', token };

  function step(forContext: string | null, key: string, next: (entry: RatingEntry) => Step, send: (score: Score) => void) {
    if (!mounted.current || forContext !== contextRef.current) return;
    const result = next(entriesRef.current[key] ?? EMPTY_ENTRY);
    entriesRef.current = { ...entriesRef.current, [key]: result.entry };
    setEntries(entriesRef.current);
    if (result.send !== null) send(result.send);
  }

  function onSelect(capabilityId: string, dimension: string | null, score: Score) {
    const forContext = contextRef.current;
    const key = ratingKey(capabilityId, dimension);
    // Each choice is sent with its own Idempotency-Key. Offline, reconnecting or a server that is
    // briefly unavailable: the choice stays pending and is sent again with the same key until
    // confirmed, unless the participant has chosen again meanwhile (then that choice goes).
    const send = (value: Score, idempotencyKey = newIdempotencyKey(), attempt = 0) => {
      api.rate(participant, workshopId, capabilityId, value, dimension, idempotencyKey).then(
        () => step(forContext, key, (entry) => succeeded(entry, value), send),
        (e: unknown) => {
          const status = isApiError(e) ? e.status : -1;
          const type = isApiError(e) ? (e.problem?.type ?? null) : null;
          if (isAlreadyApplied(status, type)) {
            step(forContext, key, (entry) => succeeded(entry, value), send);
          } else if (isTransientFailure(status, type)) {
            window.setTimeout(() => {
              if (!mounted.current || forContext !== contextRef.current) return;
              if ((entriesRef.current[key]?.queued ?? null) !== null) {
                // A later choice replaces this one: `failed` sends it.
                step(forContext, key, (entry) => failed(entry, ''), send);
              } else {
                send(value, idempotencyKey, attempt + 1);
              }
            }, resendDelayMillis(attempt));
          } else {
            step(forContext, key, (entry) => failed(entry, errorText(e, t)), send);
          }
        },
      );
    };
    step(forContext, key, (entry) => select(entry, score), send);
  }

  const enabled = entries !== null;
  let ratingSection = null;
  if (snapshot && phase && phase.kind !== 'waiting') {
    const round = phase.kind === 'open' ? phase.round : null;
    // A retired capability takes no new ratings; the phone does not offer it.
    const current = snapshot.capabilities.filter((c) => !c.retired);
    const capabilities = round ? roundCapabilities(current, round) : current;
    const scales: Scale[] =
      round?.ratingMode === 'PER_DIMENSION'
        ? snapshot.dimensions.map((d) => ({ dimension: d.id, label: d.name[lang] }))
        : [{ dimension: null, label: null }];
    const aggregateOf = (capability: Capability) => (dimension: string | null) => {
      if (!round) return capability.rating;
      return round.sealed ? null : roundResult(round, capability.id, dimension);
    };
    ratingSection = groupModel({ categories: snapshot.categories, capabilities }).map((section) => (
      <section class="category" key={section.category.id} aria-labelledby={`cat-${section.category.id}`}>
        <h2 id={`cat-${section.category.id}`}>{section.category.name[lang]}</h2>
        {section.groups.map((group) => (
          <div class="rate-group card" key={group.capability.id}>
            {[group.capability, ...group.subCapabilities].map((capability) => (
              <RateItem
                key={capability.id}
                capability={capability}
                scales={scales}
                entries={entries}
                enabled={enabled}
                sub={capability.parentId !== null && capability !== group.capability}
                aggregate={aggregateOf(capability)}
                onSelect={onSelect}
              />
            ))}
          </div>
        ))}
      </section>
    ));
  }

  return (
    <main class="rate">
      <div class="dash-bar">
        <ConnectionStatus state={connection} />
        <a class="button secondary" href={hrefs.dashboard(workshopId)}>
          {t('dash.toDashboard')}
        </a>
        {snapshot && (
          <a class="button secondary" href={hrefs.risks(snapshot.projectId)} data-testid="risks-link">
            {t('risk.link')}
          </a>
        )}
        <a class="button secondary" href={hrefs.meeting(workshopId)} data-testid="meeting-link">
          {t('meeting.link')}
        </a>
      </div>
      {snapshot && <ProjectEscalations projectId={snapshot.projectId} />}
      <h1>{snapshot ? snapshot.title : t('rate.title')}</h1>
      <p class="lead">{t('rate.intro')}</p>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {loadError !== null && (
        <div>
          <ErrorBox text={errorText(loadError, t)} />
          <button type="button" class="button secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!snapshot && !error && <Loading />}
      {snapshot && phase && <RoundBanner snapshot={snapshot} phase={phase} />}
      {snapshot && participant && snapshot.scenarioVotes.length > 0 && (
        <ScenarioBallotPanel snapshot={snapshot} credential={participant} />
      )}
      {snapshot && participant && snapshot.scenarioVotes.some((v) => v.results !== null) && (
        <section class="card scenario-panel" aria-label={t('scenario.title')}>
          <ScenarioComparison snapshot={snapshot} credential={participant} />
        </section>
      )}
      {ratingSection}
      {snapshot && (
        <section class="modes-section" aria-labelledby="modes-title">
          <h2 id="modes-title">{t('mode.sectionTitle')}</h2>
          <p class="muted">{t('mode.sectionIntro')}</p>
          {groupModel(snapshot).map((section) => (
            <div key={section.category.id} class="mode-category">
              <h3>{section.category.name[lang]}</h3>
              {section.groups.map(({ capability }) => (
                <details class="mode-details card" key={capability.id} data-testid={`mode-details-${capability.id}`}>
                  <summary>
                    {capability.name[lang]}
                    {capability.modes.agreed && (
                      <span class="agreed-badge">{t(`mode.${capability.modes.agreed}`)}</span>
                    )}
                  </summary>
                  <ResponsibilityVote workshopId={workshopId} capability={capability} credential={participant} />
                </details>
              ))}
            </div>
          ))}
        </section>
      )}
    </main>
  );
}
