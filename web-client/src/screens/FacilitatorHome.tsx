import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import type { WorkshopSummary } from '../api/types';
import { parseModelFile } from '../scenarios';
import { api, errorText } from '../api/instance';
import { ErrorBox, Loading } from '../components/common';
import { formatDate } from '../format';
import { useI18n } from '../lang';
import { hrefs, navigate } from '../router';
import { facilitatorCredential } from '../session';

export function FacilitatorHome() {
  const { t, lang } = useI18n();
  const credential = facilitatorCredential();
  const token = credential?.token ?? null;
  const [workshops, setWorkshops] = useState<WorkshopSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  useEffect(() => {
    if (token === null) {
      navigate(hrefs.login());
      return undefined;
    }
    let current = true;
    api.listWorkshops({ kind: 'facilitator', token }).then(
      (list) => current && setWorkshops(list),
      (e: unknown) => current && setLoadError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
    // t is left out on purpose: switching language must not refetch.
  }, [token]);

  async function create(event: Event) {
    event.preventDefault();
    if (!credential) return;
    setBusy(true);
    setCreateError(null);
    try {
      const created = await api.createWorkshop(credential, { title: title.trim() });
      navigate(hrefs.dashboard(created.id));
    } catch (e) {
      setCreateError(errorText(e, t));
      setBusy(false);
    }
  }

  if (!credential) return null;

  return (
    <main>
      <h1>{t('home.title')}</h1>
      <form class="card form inline-form" onSubmit={create}>
        <h2>{t('home.createTitle')}</h2>
        <div class="field">
          <label for="workshop-title">{t('home.createLabel')}</label>
          <input
            id="workshop-title"
            data-testid="workshop-title"
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
          />
        </div>
        <ErrorBox text={createError} />
        <button type="submit" class="button primary" data-testid="create-workshop" disabled={busy}>
          {busy ? t('home.creating') : t('home.createSubmit')}
        </button>
      </form>
      <ImportModel credential={credential} />
      <section aria-label={t('home.listLabel')}>
        <ErrorBox text={loadError} />
        {workshops === null && !loadError && <Loading />}
        {workshops !== null && workshops.length === 0 && <p class="muted">{t('home.empty')}</p>}
        {workshops !== null && workshops.length > 0 && (
          <ul class="workshop-list">
            {workshops.map((w) => (
              <li key={w.id} class="card">
                <a href={hrefs.dashboard(w.id)} class="workshop-link">
                  {w.title}
                </a>
                <p class="muted">
                  {t('home.meta', { code: w.joinCode, count: w.participantCount, date: formatDate(w.createdAt, lang) })}
                </p>
                <p class="record-links">
                  <a href={hrefs.projectAudit(w.projectId, w.id)}>{t('home.audit')}</a>
                  <a href={hrefs.projectAudit(w.projectId)} data-testid="project-audit">{t('home.projectAudit')}</a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

/** A new workshop, in a new project, with a capability model from a JSON file (an export, or hand-written). */
function ImportModel({ credential }: { credential: Credential }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!file) return setError(t('model.fileMissing'));
    const parsed = parseModelFile(await file.text());
    if ('error' in parsed) return setError(t(parsed.error === 'json' ? 'model.fileJson' : 'model.fileShape'));
    setBusy(true);
    setError(null);
    try {
      const created = await api.createWorkshop(credential, { title: title.trim(), model: parsed.model });
      navigate(hrefs.dashboard(created.id));
    } catch (e) {
      setError(errorText(e, t));
      setBusy(false);
    }
  }

  return (
    <form class="card form" onSubmit={submit} data-testid="import-model">
      <h2>{t('model.importTitle')}</h2>
      <div class="field">
        <label for="import-title">{t('home.createLabel')}</label>
        <input id="import-title" data-testid="import-title" value={title} required maxLength={200}
               onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="import-file">{t('model.importFile')}</label>
        <input id="import-file" data-testid="import-file" type="file" accept="application/json,.json"
               onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </div>
      <ErrorBox text={error} />
      <button type="submit" class="button secondary" data-testid="import-submit" disabled={busy}>
        {t('model.importSubmit')}
      </button>
    </form>
  );
}
