import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import type { Category, Dimension } from '../api/types';
import { ErrorBox, Loading } from '../components/common';
import { useFetched } from '../components/hooks';
import { ResultsPanel } from '../components/ResultsPanel';
import { formatDate } from '../format';
import { useI18n } from '../lang';
import { hrefs } from '../router';
import { facilitatorCredential, participantSession } from '../session';

/** How often the regional picture is fetched again: it has no live channel of its own yet. */
const REFRESH_MS = 30000;

interface ModelNames {
  categories: readonly Category[];
  dimensions: readonly Dimension[];
}

/** The model's names from a workshop of the project the caller may read: the results carry only ids. */
function useModelNames(credential: Credential | null, projectId: string): ModelNames {
  const [names, setNames] = useState<ModelNames>({ categories: [], dimensions: [] });
  useEffect(() => {
    if (!credential) return undefined;
    let current = true;
    const workshopId =
      credential.kind === 'participant'
        ? Promise.resolve(participantSession()?.workshopId ?? null)
        : api.listWorkshops(credential).then((list) => list.find((w) => w.projectId === projectId)?.id ?? null);
    workshopId
      .then((id) => (id ? api.getWorkshop(credential, id) : null))
      .then(
        (snapshot) => current && snapshot && setNames({ categories: snapshot.categories, dimensions: snapshot.dimensions }),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [credential?.token, projectId]);
  return names;
}

function useTick(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const handle = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(handle);
  }, [ms]);
  return tick;
}

/** The regional picture: every workshop of a project together. */
export function ProjectResults({ projectId }: { projectId: string }) {
  const { t, lang } = useI18n();
  const credential = facilitatorCredential() ?? (() => {
    const session = participantSession();
    return session ? ({ kind: 'participant', token: session.token } as const) : null;
  })();
  const [manual, setManual] = useState(0);
  const tick = useTick(REFRESH_MS);
  const key = credential ? `${projectId}:${credential.token}` : null;
  const project = useFetched(key, () => api.project(credential as Credential, projectId), '');
  const results = useFetched(key, () => api.projectResults(credential as Credential, projectId), `${tick}:${manual}`, 0);
  const names = useModelNames(credential, projectId);

  if (!credential) {
    return (
      <main class="narrow">
        <ErrorBox text={t('rate.notJoined')} />
        <a href={hrefs.start()}>{t('common.backToStart')}</a>
      </main>
    );
  }
  const dimensionName = (id: string) => names.dimensions.find((d) => d.id === id)?.name[lang] ?? id;
  return (
    <main class="projector">
      <div class="dash-bar">
        <p class="muted" data-testid="project-refreshed">
          {t('project.refreshNote')}
        </p>
        <button
          type="button"
          class="button secondary"
          data-testid="project-refresh"
          disabled={results.loading}
          onClick={() => setManual((n) => n + 1)}
        >
          {t('project.refresh')}
        </button>
      </div>
      <h1>{project.data ? t('project.title', { name: project.data.name }) : t('project.titleUnnamed')}</h1>
      {project.data && <p class="muted">{t('project.created', { date: formatDate(project.data.createdAt, lang) })}</p>}
      <ErrorBox text={results.error !== null ? errorText(results.error, t) : null} />
      {results.data === null && results.error === null && <Loading />}
      {results.data !== null && (
        <ResultsPanel
          results={results.data}
          categories={names.categories}
          dimensionName={dimensionName}
          refreshing={results.loading}
        />
      )}
      {/* Surveys and the environment analysis (issue 10): each capability's evidence page. */}
      {results.data !== null && results.data.capabilities.length > 0 && (
        <details class="card" data-testid="evidence-links">
          <summary>{t('capability.evidenceLinks')}</summary>
          <ul>
            {results.data.capabilities.filter((c) => !c.parentId).map((c) => (
              <li key={c.capabilityId}><a href={hrefs.capability(projectId, c.capabilityId)}>{c.name[lang]}</a></li>
            ))}
          </ul>
          <a href={hrefs.environment(projectId)}>{t('environment.title')}</a>
        </details>
      )}
    </main>
  );
}
