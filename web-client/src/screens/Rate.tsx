import { useEffect, useRef, useState } from 'preact/hooks';
import { SCORES, type Capability, type Score } from '../api/types';
import { api, errorText } from '../api/instance';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { formatMean } from '../format';
import { useI18n } from '../lang';
import { useLiveWorkshop } from '../live/useLiveWorkshop';
import { groupModel } from '../model';
import {
  EMPTY_ENTRY,
  failed,
  isScore,
  loadedEntry,
  ratingState,
  select,
  succeeded,
  type RatingEntry,
  type Step,
} from '../myRatings';
import { hrefs } from '../router';
import { participantCredential } from '../session';

type Entries = Readonly<Record<string, RatingEntry>>;

interface RateItemProps {
  capability: Capability;
  entry: RatingEntry;
  enabled: boolean;
  sub: boolean;
  onSelect: (capabilityId: string, score: Score) => void;
}

function RateItem({ capability, entry, enabled, sub, onSelect }: RateItemProps) {
  const { t, lang } = useI18n();
  const state = ratingState(entry);
  const stateText =
    state === 'error' ? t('rate.state.error', { detail: entry.error ?? '' }) : t(`rate.state.${state}`);
  const { count, mean } = capability.rating;
  return (
    <fieldset class={sub ? 'rate-item sub' : 'rate-item'}>
      <legend>{capability.name[lang]}</legend>
      <div class="scale">
        {SCORES.map((score) => (
          <label class="score" key={score}>
            <input
              type="radio"
              name={`score-${capability.id}`}
              value={String(score)}
              checked={entry.shown === score}
              disabled={!enabled}
              data-testid={`rate-${capability.id}-${score}`}
              aria-label={t('rate.scoreLabel', { score })}
              onChange={() => onSelect(capability.id, score)}
            />
            <span aria-hidden="true">{score}</span>
          </label>
        ))}
      </div>
      <p class="rate-meta">
        <span class={`rated rated-${state}`} data-testid={`rated-${capability.id}`} data-state={state} role="status">
          {stateText}
        </span>
        <span class="aggregate">{t('rate.aggregate', { count, mean: formatMean(mean, lang) })}</span>
      </p>
    </fieldset>
  );
}

export function Rate({ workshopId }: { workshopId: string }) {
  const { t, lang } = useI18n();
  const credential = participantCredential(workshopId);
  const token = credential?.token ?? null;
  const { snapshot, connection, error } = useLiveWorkshop(workshopId, credential);
  const [entries, setEntries] = useState<Entries | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const entriesRef = useRef<Entries>({});
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (token === null) return;
    let current = true;
    setLoadError(null);
    api.myRatings({ kind: 'participant', token }, workshopId).then(
      (mine) => {
        if (!current) return;
        const loaded: Record<string, RatingEntry> = {};
        for (const [id, score] of Object.entries(mine)) loaded[id] = loadedEntry(isScore(score) ? score : null);
        entriesRef.current = loaded;
        setEntries(loaded);
      },
      (e: unknown) => current && setLoadError(e),
    );
    return () => {
      current = false;
    };
  }, [workshopId, token, attempt]);

  if (token === null) {
    return (
      <main class="narrow">
        <ErrorBox text={t('rate.notJoined')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }
  const participant = { kind: 'participant' as const, token };

  function step(capabilityId: string, next: (entry: RatingEntry) => Step) {
    if (!mounted.current) return;
    const result = next(entriesRef.current[capabilityId] ?? EMPTY_ENTRY);
    entriesRef.current = { ...entriesRef.current, [capabilityId]: result.entry };
    setEntries(entriesRef.current);
    if (result.send !== null) send(capabilityId, result.send);
  }

  function send(capabilityId: string, score: Score) {
    api.rate(participant, workshopId, capabilityId, score).then(
      () => step(capabilityId, (entry) => succeeded(entry, score)),
      (e: unknown) => step(capabilityId, (entry) => failed(entry, errorText(e, t))),
    );
  }

  const onSelect = (capabilityId: string, score: Score) => step(capabilityId, (entry) => select(entry, score));
  const enabled = entries !== null;

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
      </div>
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
      {snapshot &&
        groupModel(snapshot).map((section) => (
          <section class="category" key={section.category.id} aria-labelledby={`cat-${section.category.id}`}>
            <h2 id={`cat-${section.category.id}`}>{section.category.name[lang]}</h2>
            {section.groups.map((group) => (
              <div class="rate-group card" key={group.capability.id}>
                {[group.capability, ...group.subCapabilities].map((capability) => (
                  <RateItem
                    key={capability.id}
                    capability={capability}
                    entry={entries?.[capability.id] ?? EMPTY_ENTRY}
                    enabled={enabled}
                    sub={capability.parentId !== null}
                    onSelect={onSelect}
                  />
                ))}
              </div>
            ))}
          </section>
        ))}
    </main>
  );
}
