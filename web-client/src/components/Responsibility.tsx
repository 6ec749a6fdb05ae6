import { useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import { RESPONSIBILITY_MODES, type Capability, type ModeVotes, type ResponsibilityMode, type WorkshopSnapshot } from '../api/types';
import { formatPercent } from '../format';
import { useI18n } from '../lang';
import { groupModel } from '../model';
import { modeShare, modeVotes, totalModeVotes } from '../rounds';
import { ErrorBox } from './common';

const LOWER: Record<ResponsibilityMode, string> = { OWN: 'own', COLLABORATION: 'collaboration', PROCUREMENT: 'procurement' };

/** The live distribution of the votes, as text and bars. */
export function ModeDistribution({ capabilityId, modes }: { capabilityId: string; modes: ModeVotes }) {
  const { t, lang } = useI18n();
  const total = totalModeVotes(modes);
  return (
    <div class="mode-distribution" data-testid={`modes-${capabilityId}`} data-total={String(total)}>
      {RESPONSIBILITY_MODES.map((mode) => (
        <div class="mode-bar" key={mode} data-mode={LOWER[mode]} data-count={String(modeVotes(modes, mode))}>
          <span class="mode-label">{t(`mode.${mode}`)}</span>
          <span class="mode-track" aria-hidden="true">
            <span class="mode-fill" style={{ width: formatWidth(modeShare(modes, mode)) }} />
          </span>
          <span class="mode-figure">
            {modeVotes(modes, mode)} ({formatPercent(modeShare(modes, mode), lang)})
          </span>
        </div>
      ))}
      {modes.agreed && (
        <p class="agreed" data-testid={`agreed-${capabilityId}`} data-mode={modes.agreed}>
          {t('mode.agreed', { mode: t(`mode.${modes.agreed}`) })}
        </p>
      )}
    </div>
  );
}

function formatWidth(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const ownModesKey = (workshopId: string) => `samverka.modes.${workshopId}`;

function storedModes(workshopId: string): Record<string, ResponsibilityMode> {
  try {
    const raw = localStorage.getItem(ownModesKey(workshopId));
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (typeof value !== 'object' || value === null) return {};
    const result: Record<string, ResponsibilityMode> = {};
    for (const [k, v] of Object.entries(value)) {
      if (RESPONSIBILITY_MODES.includes(v as ResponsibilityMode)) result[k] = v as ResponsibilityMode;
    }
    return result;
  } catch {
    return {};
  }
}

function storeMode(workshopId: string, capabilityId: string, mode: ResponsibilityMode): void {
  try {
    localStorage.setItem(ownModesKey(workshopId), JSON.stringify({ ...storedModes(workshopId), [capabilityId]: mode }));
  } catch {
    // Not remembered on this device; the vote itself is kept by the server.
  }
}

/**
 * A participant's vote on how one capability should be upheld: three radio buttons, the live
 * distribution and the agreed mode. The server does not hand back one's own vote, so this
 * device remembers it.
 */
export function ResponsibilityVote({
  workshopId,
  capability,
  credential,
}: {
  workshopId: string;
  capability: Capability;
  credential: Credential;
}) {
  const { t, lang } = useI18n();
  const [chosen, setChosen] = useState<ResponsibilityMode | null>(() => storedModes(workshopId)[capability.id] ?? null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = `mode-${capability.id}`;

  function choose(mode: ResponsibilityMode) {
    const before = chosen;
    setChosen(mode);
    setPending(true);
    setError(null);
    api.voteResponsibility(credential, workshopId, capability.id, mode).then(
      () => {
        storeMode(workshopId, capability.id, mode);
        setPending(false);
      },
      (e: unknown) => {
        setChosen(before);
        setPending(false);
        setError(errorText(e, t));
      },
    );
  }

  return (
    <fieldset class="mode-vote" data-testid={`mode-vote-${capability.id}`} aria-busy={pending}>
      <legend>{t('mode.question', { name: capability.name[lang] })}</legend>
      <div class="mode-options">
        {RESPONSIBILITY_MODES.map((mode) => (
          <label key={mode} class="mode-option">
            <input
              type="radio"
              name={name}
              value={mode}
              checked={chosen === mode}
              data-testid={`mode-${capability.id}-${LOWER[mode]}`}
              onChange={() => choose(mode)}
            />{' '}
            {t(`mode.long.${mode}`)}
          </label>
        ))}
      </div>
      <ErrorBox text={error} />
      <ModeDistribution capabilityId={capability.id} modes={capability.modes} />
    </fieldset>
  );
}

function AgreedSelect({ snapshot, capability, credential }: { snapshot: WorkshopSnapshot; capability: Capability; credential: Credential }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `agree-${capability.id}`;
  return (
    <div class="agree-field">
      <label for={id} class="visually-hidden">
        {t('mode.agreeLabel', { name: capability.name[lang] })}
      </label>
      <select
        id={id}
        data-testid={id}
        value={capability.modes.agreed ?? ''}
        disabled={busy}
        onChange={(e) => {
          const mode = e.currentTarget.value as ResponsibilityMode | '';
          if (mode === '') return;
          setBusy(true);
          setError(null);
          api.recordAgreedResponsibility(credential, snapshot.id, capability.id, mode).then(
            () => setBusy(false),
            (err: unknown) => {
              setBusy(false);
              setError(errorText(err, t));
            },
          );
        }}
      >
        <option value="" disabled>
          {t('mode.notAgreed')}
        </option>
        {RESPONSIBILITY_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(`mode.${mode}`)}
          </option>
        ))}
      </select>
      <ErrorBox text={error} />
    </div>
  );
}

/** The dashboard's overview of responsibility modes; the facilitator records the agreed mode here. */
export function ResponsibilityPanel({ snapshot, credential }: { snapshot: WorkshopSnapshot; credential: Credential | null }) {
  const { t, lang } = useI18n();
  const facilitator = credential?.kind === 'facilitator' ? credential : null;
  return (
    <section class="responsibility card" aria-labelledby="responsibility-title" data-testid="responsibility-panel">
      <h2 id="responsibility-title">{t('mode.panelTitle')}</h2>
      <p class="muted">{t('mode.panelIntro')}</p>
      <div class="table-scroll" role="region" aria-label={t('mode.tableLabel')} tabIndex={0}>
        <table class="mode-table">
          <thead>
            <tr>
              <th scope="col">{t('results.capability')}</th>
              {RESPONSIBILITY_MODES.map((mode) => (
                <th scope="col" class="num" key={mode}>
                  {t(`mode.${mode}`)}
                </th>
              ))}
              <th scope="col">{t('mode.agreedHead')}</th>
            </tr>
          </thead>
          <tbody>
            {groupModel(snapshot).flatMap((section) =>
              section.groups.map(({ capability }) => (
                <tr key={capability.id} data-testid={`mode-row-${capability.id}`}>
                  <th scope="row">{capability.name[lang]}</th>
                  {RESPONSIBILITY_MODES.map((mode) => (
                    <td class="num" key={mode} data-mode={LOWER[mode]}>
                      {modeVotes(capability.modes, mode)}
                    </td>
                  ))}
                  <td data-testid={`agreed-${capability.id}`} data-mode={capability.modes.agreed ?? ''}>
                    {facilitator ? (
                      <AgreedSelect snapshot={snapshot} capability={capability} credential={facilitator} />
                    ) : capability.modes.agreed ? (
                      t(`mode.${capability.modes.agreed}`)
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
