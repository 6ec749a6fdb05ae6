import { useEffect, useState } from 'preact/hooks';
import { isApiError } from '../api/client';
import { api, errorText } from '../api/instance';
import { ErrorBox } from '../components/common';
import { normaliseJoinCode } from '../format';
import { useI18n } from '../lang';
import { hrefs, navigate } from '../router';
import { participantSession, saveParticipant } from '../session';

export const MUNICIPALITIES: readonly string[] = [
  'Bengtsfors',
  'Dals-Ed',
  'Färgelanda',
  'Lilla Edet',
  'Lysekil',
  'Mellerud',
  'Munkedal',
  'Orust',
  'Sotenäs',
  'Strömstad',
  'Tanum',
  'Trollhättan',
  'Uddevalla',
  'Vänersborg',
];

const OTHER = '__other';

/**
 * What the organisation field offers: the project's own list when it has one (free text only if
 * it allows it), else the Fyrbodal municipalities and free text, as before projects had lists.
 */
export function organisationChoices(project: { names: readonly string[]; allowOther: boolean } | null): {
  names: readonly string[]; allowOther: boolean;
} {
  return project && project.names.length > 0 ? project : { names: MUNICIPALITIES, allowOther: true };
}

export function Start({ joinCode }: { joinCode: string | null }) {
  const { t } = useI18n();
  const [code, setCode] = useState(joinCode ? normaliseJoinCode(joinCode) : '');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [otherOrganisation, setOtherOrganisation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const existing = participantSession();
  const [listed, setListed] = useState<{ names: string[]; allowOther: boolean } | null>(null);
  const choices = organisationChoices(listed);
  const normalised = normaliseJoinCode(code);
  useEffect(() => {
    // The project's member organisations, once the code is complete; an unknown code gets no list.
    if (normalised.length !== 6) return;
    let current = true;
    api.joinOptions(normalised).then((o) => { if (current) setListed(o.organisations); }).catch(() => undefined);
    return () => { current = false; };
  }, [normalised]);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const chosen = organisation === OTHER ? otherOrganisation.trim() : organisation;
    try {
      const joined = await api.join({
        joinCode: normaliseJoinCode(code),
        displayName: name.trim(),
        ...(chosen ? { organisation: chosen } : {}),
      });
      saveParticipant({ token: joined.token, workshopId: joined.workshopId, participantId: joined.participantId });
      navigate(hrefs.rate(joined.workshopId));
    } catch (e) {
      setError(isApiError(e, 404) ? t('join.notFound') : errorText(e, t));
      setBusy(false);
    }
  }

  return (
    <main class="narrow">
      <h1>{t('join.title')}</h1>
      <p class="lead">{t('join.intro')}</p>
      {existing && (
        <p>
          <a class="button secondary" href={hrefs.rate(existing.workshopId)}>
            {t('join.continue')}
          </a>
        </p>
      )}
      <form class="card form" onSubmit={submit}>
        <div class="field">
          <label for="join-code">{t('join.code')}</label>
          <input
            id="join-code"
            class="code-input"
            data-testid="join-code-input"
            value={code}
            onInput={(e) => setCode(normaliseJoinCode(e.currentTarget.value))}
            required
            minLength={6}
            maxLength={6}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            aria-describedby="join-code-hint"
          />
          <p class="hint" id="join-code-hint">
            {t('join.codeHint')}
          </p>
        </div>
        <div class="field">
          <label for="join-name">{t('join.name')}</label>
          <input
            id="join-name"
            data-testid="join-name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            required
            maxLength={80}
            autocomplete="name"
          />
        </div>
        <div class="field">
          <label for="join-organisation">{t('join.organisation')}</label>
          <select
            id="join-organisation"
            data-testid="join-organisation"
            value={organisation}
            onChange={(e) => setOrganisation(e.currentTarget.value)}
          >
            <option value="">{t('join.organisationNone')}</option>
            {choices.names.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
            {choices.allowOther && <option value={OTHER}>{t('join.organisationOther')}</option>}
          </select>
        </div>
        {organisation === OTHER && choices.allowOther && (
          <div class="field">
            <label for="join-organisation-other">{t('join.organisationOtherName')}</label>
            <input
              id="join-organisation-other"
              value={otherOrganisation}
              onInput={(e) => setOtherOrganisation(e.currentTarget.value)}
              maxLength={120}
              autocomplete="organization"
            />
          </div>
        )}
        <ErrorBox text={error} />
        <button type="submit" class="button primary" data-testid="join-submit" disabled={busy}>
          {busy ? t('join.submitting') : t('join.submit')}
        </button>
      </form>
      <p class="aside-link">
        <a href={hrefs.login()}>{t('join.facilitatorLink')}</a>
      </p>
    </main>
  );
}
