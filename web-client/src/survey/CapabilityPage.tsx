import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../api/instance';
import { ErrorBox, Loading } from '../components/common';
import { formatDecimal } from '../format';
import { useI18n } from '../lang';
import { hrefs } from '../router';
import { projectReader } from '../risk/useLiveRisks';
import { surveyApi } from './surveyApi';
import type { CapabilityEvidence } from './surveyModel';

/**
 * A capability's page: what the workshops rated it, what the survey's linked questions answered,
 * and what the environment analysis' sources said about it — the evidence side by side.
 */
export function CapabilityPage({ projectId, capabilityId }: { projectId: string; capabilityId: string }) {
  const { t, lang } = useI18n();
  const reader = projectReader();
  const [evidence, setEvidence] = useState<CapabilityEvidence | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (reader) surveyApi.evidence(reader, projectId, capabilityId).then(setEvidence, setError);
  }, [projectId, capabilityId, reader?.token]);
  if (!reader) return <main class="narrow"><p>{t('survey.loginNeeded')}</p></main>;
  const name = evidence?.workshops ? (lang === 'en' ? evidence.workshops.name.en : evidence.workshops.name.sv) : capabilityId;
  return (
    <main>
      <p><a href={hrefs.projectResults(projectId)}>{t('capability.back')}</a></p>
      <h1>{name}</h1>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!evidence && !error && <Loading />}
      {evidence && (
        <div class="evidence-grid">
          <section class="card" aria-labelledby="ev-workshops">
            <h2 id="ev-workshops">{t('capability.workshops')}</h2>
            {evidence.workshops && evidence.workshops.region.count > 0
              ? <p data-testid="evidence-workshops">{t('survey.scaleSummary', { mean: formatDecimal(evidence.workshops.region.mean, lang), count: evidence.workshops.region.count })}</p>
              : <p class="muted">{t('capability.noRatings')}</p>}
          </section>
          <section class="card" aria-labelledby="ev-survey">
            <h2 id="ev-survey">{t('capability.survey')}</h2>
            {evidence.survey.length === 0 && <p class="muted">{t('capability.noSurvey')}</p>}
            <ul>
              {evidence.survey.map((s) => {
                const o = s.result.overall;
                const summary = o.count === 0 ? t('survey.noAnswers')
                  : s.result.kind === 'SCALE' ? t('survey.scaleSummary', { mean: formatDecimal(o.mean, lang), count: o.count })
                    : t('capability.answers', { count: o.count });
                return (
                  <li key={`${s.surveyId}-${s.result.questionId}`} data-testid={`evidence-question-${s.result.questionId}`}>
                    <a href={hrefs.survey(projectId, s.surveyId)}>{s.result.text}</a>{s.result.dimensionId ? ` (${s.result.dimensionId})` : ''}: {summary}
                  </li>
                );
              })}
            </ul>
          </section>
          <section class="card" aria-labelledby="ev-findings">
            <h2 id="ev-findings">{t('capability.findings')}</h2>
            {evidence.findings.length === 0 && <p class="muted">{t('environment.noFindings')}</p>}
            <ul data-testid="evidence-findings">
              {evidence.findings.map((f) => (
                <li key={f.finding.id}>{f.finding.statement} <span class="muted">({t('environment.basedOn')} {f.sources.map((s) => s.organisation).join(', ')})</span></li>
              ))}
            </ul>
            <a href={hrefs.environment(projectId)}>{t('environment.title')}</a>
          </section>
        </div>
      )}
    </main>
  );
}
