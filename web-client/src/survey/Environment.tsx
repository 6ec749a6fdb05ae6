import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from '../api/instance';
import type { Results } from '../api/types';
import { ErrorBox, Loading } from '../components/common';
import { formatDate } from '../format';
import { useI18n } from '../lang';
import type { MessageKey } from '../i18n';
import { hrefs } from '../router';
import { projectReader } from '../risk/useLiveRisks';
import { facilitatorCredential } from '../session';
import { surveyApi, type SourceRequest } from './surveyApi';
import { SOURCE_KINDS, type EnvironmentAnalysis, type Source } from './surveyModel';

const STATUS_MARK = { PLANNED: '○', DONE: '●' } as const;

/**
 * The environment analysis (omvärldsanalys): the register of sources — experts, organisations,
 * similar initiatives — and the findings drawn from them, each linked to capabilities.
 */
export function Environment({ projectId }: { projectId: string }) {
  const { t, lang } = useI18n();
  const reader = projectReader();
  const facilitator = facilitatorCredential();
  const [analysis, setAnalysis] = useState<EnvironmentAnalysis | null>(null);
  const [capabilities, setCapabilities] = useState<Results['capabilities']>([]);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const emptySource: SourceRequest = { kind: 'EXTERNAL_EXPERT', organisation: '', question: '', notes: '', date: null, status: 'PLANNED' };
  const [source, setSource] = useState<SourceRequest>(emptySource);
  const [finding, setFinding] = useState({ statement: '', sourceIds: [] as string[], capabilityIds: [] as string[] });

  useEffect(() => {
    if (!reader) return;
    surveyApi.environment(reader, projectId).then(setAnalysis, setError);
    api.projectResults(reader, projectId).then((r) => setCapabilities(r.capabilities), () => undefined);
  }, [projectId, reader?.token, tick]);
  if (!reader) return <main class="narrow"><p>{t('survey.loginNeeded')}</p></main>;

  const refresh = () => setTick((n) => n + 1);
  const run = (e: Event | null, action: () => Promise<unknown>, then?: () => void) => {
    e?.preventDefault();
    setError(null);
    action().then(() => { then?.(); refresh(); }, setError);
  };
  const capabilityName = (id: string) => {
    const c = capabilities.find((x) => x.capabilityId === id);
    return c ? (lang === 'en' ? c.name.en : c.name.sv) : id;
  };
  const markDone = (s: Source) => ({ kind: s.kind, organisation: s.organisation, question: s.question, notes: s.notes, date: s.date, status: s.status === 'DONE' ? 'PLANNED' as const : 'DONE' as const });

  return (
    <main>
      <h1>{t('environment.title')}</h1>
      <p><a href={hrefs.surveys(projectId)}>{t('survey.title')}</a></p>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!analysis && !error && <Loading />}
      {analysis && (
        <>
          <section class="card" aria-labelledby="sources-title">
            <h2 id="sources-title">{t('environment.sources')}</h2>
            <div class="table-scroll" role="region" aria-label={t('environment.sources')} tabIndex={0}>
              <table data-testid="sources">
                <thead><tr>
                  <th scope="col">{t('environment.id')}</th><th scope="col">{t('environment.kind')}</th>
                  <th scope="col">{t('environment.organisation')}</th><th scope="col">{t('environment.question')}</th>
                  <th scope="col">{t('environment.notes')}</th><th scope="col">{t('environment.date')}</th>
                  <th scope="col">{t('environment.status')}</th>
                </tr></thead>
                <tbody>
                  {analysis.sources.map((s) => (
                    <tr key={s.id} data-testid={`source-${s.id}`}>
                      <td>{s.id}</td><td>{t(`environment.kind.${s.kind}` as MessageKey)}</td><td>{s.organisation}</td>
                      <td>{s.question ?? ''}</td><td>{s.notes ?? ''}</td><td>{s.date ? formatDate(s.date, lang) : ''}</td>
                      <td>
                        <span aria-hidden="true">{STATUS_MARK[s.status]} </span>{t(`environment.status.${s.status}` as MessageKey)}
                        {facilitator && <> <button type="button" class="button secondary" onClick={() => run(null, () => surveyApi.changeSource(facilitator, projectId, s.id, markDone(s)))}>
                          {s.status === 'DONE' ? t('environment.markPlanned') : t('environment.markDone')}<span class="visually-hidden"> {s.organisation}</span>
                        </button></>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {facilitator && (
              <form onSubmit={(e) => run(e, () => surveyApi.addSource(facilitator, projectId, { ...source, question: source.question || null, notes: source.notes || null }), () => setSource(emptySource))}>
                <h3>{t('environment.addSource')}</h3>
                <div class="field"><label for="src-kind">{t('environment.kind')}</label>
                  <select id="src-kind" value={source.kind} onChange={(e) => setSource({ ...source, kind: e.currentTarget.value as SourceRequest['kind'] })}>
                    {SOURCE_KINDS.map((k) => <option key={k} value={k}>{t(`environment.kind.${k}` as MessageKey)}</option>)}
                  </select></div>
                <div class="field"><label for="src-org">{t('environment.organisation')}</label>
                  <input id="src-org" required maxLength={200} value={source.organisation} onInput={(e) => setSource({ ...source, organisation: e.currentTarget.value })} /></div>
                <div class="field"><label for="src-question">{t('environment.question')}</label>
                  <input id="src-question" maxLength={500} value={source.question ?? ''} onInput={(e) => setSource({ ...source, question: e.currentTarget.value })} /></div>
                <div class="field"><label for="src-notes">{t('environment.notes')}</label>
                  <textarea id="src-notes" rows={3} maxLength={4000} value={source.notes ?? ''} onInput={(e) => setSource({ ...source, notes: e.currentTarget.value })} /></div>
                <div class="field"><label for="src-date">{t('environment.date')}</label>
                  <input id="src-date" type="date" value={source.date ?? ''} onInput={(e) => setSource({ ...source, date: e.currentTarget.value || null })} /></div>
                <button class="button" type="submit" data-testid="add-source">{t('environment.addSource')}</button>
              </form>
            )}
          </section>

          <section class="card" aria-labelledby="findings-title">
            <h2 id="findings-title">{t('environment.findings')}</h2>
            {analysis.findings.filter((f) => !f.withdrawn).length === 0 && <p class="muted">{t('environment.noFindings')}</p>}
            <ul data-testid="findings">
              {analysis.findings.filter((f) => !f.withdrawn).map((f) => (
                <li key={f.id} data-testid={`finding-${f.id}`}>
                  <strong>{f.id}</strong> {f.statement}{' '}
                  <span class="muted">({t('environment.basedOn')} {f.sourceIds.map((id) => analysis.sources.find((s) => s.id === id)?.organisation ?? id).join(', ')})</span>
                  {f.capabilityIds.length > 0 && <> · {f.capabilityIds.map((c, i) => <span key={c}>{i > 0 ? ', ' : ''}<a href={hrefs.capability(projectId, c)}>{capabilityName(c)}</a></span>)}</>}
                  {facilitator && <> <button type="button" class="button secondary" onClick={() => run(null, () => surveyApi.withdrawFinding(facilitator, projectId, f.id))}>
                    {t('environment.withdraw')}<span class="visually-hidden"> {f.id}</span></button></>}
                </li>
              ))}
            </ul>
            {facilitator && analysis.sources.length > 0 && (
              <form onSubmit={(e) => run(e, () => surveyApi.addFinding(facilitator, projectId, finding), () => setFinding({ statement: '', sourceIds: [], capabilityIds: [] }))}>
                <h3>{t('environment.addFinding')}</h3>
                <div class="field"><label for="finding-statement">{t('environment.statement')}</label>
                  <input id="finding-statement" required maxLength={500} value={finding.statement} onInput={(e) => setFinding({ ...finding, statement: e.currentTarget.value })} /></div>
                <div class="field"><label for="finding-sources">{t('environment.findingSources')}</label>
                  <select id="finding-sources" multiple size={5}
                    onChange={(e) => setFinding({ ...finding, sourceIds: Array.from(e.currentTarget.selectedOptions).map((o) => o.value) })}>
                    {analysis.sources.map((s) => <option key={s.id} value={s.id} selected={finding.sourceIds.includes(s.id)}>{s.id} {s.organisation}</option>)}
                  </select></div>
                <div class="field"><label for="finding-capabilities">{t('environment.findingCapabilities')}</label>
                  <select id="finding-capabilities" multiple size={5}
                    onChange={(e) => setFinding({ ...finding, capabilityIds: Array.from(e.currentTarget.selectedOptions).map((o) => o.value) })}>
                    {capabilities.map((c) => <option key={c.capabilityId} value={c.capabilityId} selected={finding.capabilityIds.includes(c.capabilityId)}>{lang === 'en' ? c.name.en : c.name.sv}</option>)}
                  </select></div>
                <button class="button" type="submit" data-testid="add-finding">{t('environment.addFinding')}</button>
              </form>
            )}
          </section>
        </>
      )}
    </main>
  );
}
