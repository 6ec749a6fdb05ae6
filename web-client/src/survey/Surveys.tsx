import { useEffect, useState } from 'preact/hooks';
import type { Credential } from '../api/client';
import { api, errorText } from '../api/instance';
import type { Results } from '../api/types';
import { downloadExport } from '../audit/download';
import { ConnectionStatus, ErrorBox, Loading } from '../components/common';
import { formatDecimal, formatPercent } from '../format';
import { useI18n } from '../lang';
import type { MessageKey } from '../i18n';
import { hrefs, navigate } from '../router';
import { facilitatorCredential } from '../session';
import { surveyApi, type QuestionRequest } from './surveyApi';
import {
  cellOf, linkUrl, type NumberUnit, type QuestionKind, type QuestionResult, type RespondentLink, type ResponseBoard,
  type Summary, type SurveyDetail, type SurveyResults, type SurveySummary,
} from './surveyModel';
import { useLiveBoard } from './useLiveBoard';

const KINDS: readonly QuestionKind[] = ['SCALE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMBER', 'TEXT'];
const UNITS: readonly NumberUnit[] = ['SEK', 'FTE', 'COUNT', 'PERCENT'];
const STATE_MARK: Record<string, string> = { submitted: '✔', draft: '✎', none: '–' };

function statusKey(status: string): MessageKey {
  return status === 'OPEN' ? 'survey.status.OPEN' : status === 'CLOSED' ? 'survey.status.CLOSED' : 'survey.status.DRAFT';
}

/** A project's surveys: the list, and a new one from the built-in Fyrbodal template. */
export function Surveys({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const credential = facilitatorCredential();
  const [surveys, setSurveys] = useState<SurveySummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (credential) surveyApi.list(credential, projectId).then(setSurveys, setError);
  }, [projectId, credential?.token]);
  if (!credential) return <main class="narrow"><p>{t('survey.loginNeeded')}</p><a href={hrefs.login()}>{t('nav.facilitator')}</a></main>;
  const create = () => {
    setError(null);
    surveyApi.createFromTemplate(credential, projectId)
      .then((created) => navigate(hrefs.survey(projectId, created.id)), setError);
  };
  return (
    <main>
      <h1>{t('survey.title')}</h1>
      <div class="button-row">
        <button class="button primary" type="button" data-testid="create-survey" onClick={create}>{t('survey.createFromTemplate')}</button>
        <a class="button secondary" href={hrefs.environment(projectId)} data-testid="environment-link">{t('environment.title')}</a>
      </div>
      <ErrorBox text={error ? errorText(error, t) : null} />
      {!surveys && !error && <Loading />}
      {surveys && surveys.length === 0 && <p class="muted">{t('survey.none')}</p>}
      {surveys && surveys.length > 0 && (
        <ul class="survey-list">
          {surveys.map((s) => (
            <li key={s.id}>
              <a href={hrefs.survey(projectId, s.id)} data-testid={`survey-${s.id}`}>{s.title}</a>{' '}
              <span class="muted">{t(statusKey(s.status))} · {t('survey.answeredOf', { submitted: s.submitted, expected: s.expected })}</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/** The response-rate board: organisations × target groups, a mark and a word per cell (never colour alone). */
function Board({ board }: { board: ResponseBoard }) {
  const { t, lang } = useI18n();
  return (
    <section class="card" aria-labelledby="board-title">
      <h2 id="board-title">{t('survey.board')}</h2>
      <p aria-live="polite" data-testid="board-summary">
        {t('survey.boardSummary', { submitted: board.submitted, expected: board.expected, rate: formatPercent(board.rate, lang), drafts: board.drafts })}
      </p>
      <div class="table-scroll" role="region" aria-label={t('survey.board')} tabIndex={0}>
        <table data-testid="board">
          <thead>
            <tr><th scope="col">{t('survey.organisation')}</th>{board.targetGroups.map((g) => <th scope="col" key={g.key}>{g.name}</th>)}</tr>
          </thead>
          <tbody>
            {board.organisations.map((o) => (
              <tr key={o.key}>
                <th scope="row">{o.name}</th>
                {board.targetGroups.map((g) => {
                  const state = cellOf(board, o.key, g.key)?.state ?? 'none';
                  return (
                    <td key={g.key} class={`board-cell board-${state}`} data-testid={`board-${o.key}-${g.key}`} data-state={state}>
                      <span aria-hidden="true">{STATE_MARK[state]} </span>{t(`survey.cell.${state}` as MessageKey)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SummaryText({ summary, result }: { summary: Summary; result: QuestionResult }) {
  const { t, lang } = useI18n();
  if (summary.count === 0) return <span class="muted">{t('survey.noAnswers')}</span>;
  if (result.kind === 'SCALE') return <span>{t('survey.scaleSummary', { mean: formatDecimal(summary.mean, lang), count: summary.count })}</span>;
  if (result.kind === 'NUMBER') {
    const n = (v: string | null) => (v === null ? '–' : formatDecimal(Number(v), lang, Number(v) % 1 === 0 ? 0 : 2));
    return <span>{t('survey.numberSummary', { sum: n(summary.sum), median: n(summary.median), min: n(summary.min), max: n(summary.max), unit: result.unitLabel ?? '', count: summary.count })}</span>;
  }
  if (summary.options) {
    return <span>{Object.entries(summary.options).map(([option, n]) => `${option}: ${n}`).join(' · ')}</span>;
  }
  return (
    <ul class="survey-texts">
      {(summary.texts ?? []).map((text, i) => <li key={i}><q>{text.text}</q> <span class="muted">({text.organisation}, {text.targetGroup})</span></li>)}
    </ul>
  );
}

/** Results per question, then per target group and per organisation. */
export function ResultsView({ results, projectId }: { results: SurveyResults; projectId: string }) {
  const { t } = useI18n();
  const name = (parties: { key: string; name: string }[], key: string) => parties.find((p) => p.key === key)?.name ?? key;
  return (
    <section class="card" aria-labelledby="results-title">
      <h2 id="results-title">{t('survey.results')}</h2>
      <p>{t('survey.respondents', { count: results.respondents })}</p>
      {results.questions.map((q) => (
        <article key={q.questionId} class="survey-result" data-testid={`result-${q.questionId}`}>
          <h3>{q.questionId}. {q.text}</h3>
          {q.capabilityId && <p><a href={hrefs.capability(projectId, q.capabilityId)}>{t('survey.linkedCapability', { id: q.capabilityId })}</a></p>}
          <p><strong>{t('survey.overall')}:</strong> <SummaryText summary={q.overall} result={q} /></p>
          {Object.keys(q.byTargetGroup).length > 0 && (
            <details>
              <summary>{t('survey.byTargetGroup')}</summary>
              <ul>{Object.entries(q.byTargetGroup).map(([key, s]) => <li key={key}>{name(results.targetGroups, key)}: <SummaryText summary={s} result={q} /></li>)}</ul>
            </details>
          )}
          {Object.keys(q.byOrganisation).length > 0 && (
            <details>
              <summary>{t('survey.byOrganisation')}</summary>
              <ul>{Object.entries(q.byOrganisation).map(([key, s]) => <li key={key}>{name(results.organisations, key)}: <SummaryText summary={s} result={q} /></li>)}</ul>
            </details>
          )}
        </article>
      ))}
    </section>
  );
}

/** The builder of a draft survey: add or remove questions of every kind. */
function Builder({ survey, credential, capabilities, onChanged }: {
  survey: SurveyDetail; credential: Credential; capabilities: Results['capabilities']; onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const empty = { kind: 'SCALE' as QuestionKind, text: '', help: '', groups: [] as string[], options: '', unit: 'SEK' as NumberUnit, capabilityId: '', dimensionId: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<unknown>(null);
  const add = (e: Event) => {
    e.preventDefault();
    setError(null);
    const choice = form.kind === 'SINGLE_CHOICE' || form.kind === 'MULTIPLE_CHOICE';
    const request: QuestionRequest = {
      kind: form.kind, text: form.text, help: form.help || null, targetGroups: form.groups,
      options: choice ? form.options.split('\n').map((o) => o.trim()).filter(Boolean) : [],
      unit: form.kind === 'NUMBER' ? form.unit : null, capabilityId: form.capabilityId || null, dimensionId: form.dimensionId || null,
    };
    surveyApi.addQuestion(credential, survey.projectId, survey.id, request).then(() => { setForm(empty); onChanged(); }, setError);
  };
  return (
    <section class="card" aria-labelledby="builder-title">
      <h2 id="builder-title">{t('survey.builder')}</h2>
      <ol class="survey-questions">
        {survey.questions.map((q) => (
          <li key={q.id} data-testid={`built-${q.id}`}>
            <strong>{q.text}</strong> <span class="muted">({t(`survey.kind.${q.kind}` as MessageKey)}{q.unitLabel ? `, ${q.unitLabel}` : ''} · {q.targetGroups.map((g) => survey.targetGroups.find((p) => p.key === g)?.name ?? g).join(', ')})</span>{' '}
            <button type="button" class="button secondary" onClick={() => surveyApi.removeQuestion(credential, survey.projectId, survey.id, q.id).then(onChanged, setError)}>
              {t('survey.removeQuestion')}<span class="visually-hidden"> {q.id}</span>
            </button>
          </li>
        ))}
      </ol>
      <form onSubmit={add}>
        <div class="field"><label for="q-kind">{t('survey.kind')}</label>
          <select id="q-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as QuestionKind })}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`survey.kind.${k}` as MessageKey)}</option>)}
          </select></div>
        <div class="field"><label for="q-text">{t('survey.questionText')}</label>
          <input id="q-text" value={form.text} required maxLength={500} onInput={(e) => setForm({ ...form, text: e.currentTarget.value })} /></div>
        <div class="field"><label for="q-help">{t('survey.questionHelp')}</label>
          <input id="q-help" value={form.help} maxLength={1000} onInput={(e) => setForm({ ...form, help: e.currentTarget.value })} /></div>
        <fieldset class="field"><legend>{t('survey.targetGroups')}</legend>
          {survey.targetGroups.map((g) => (
            <label key={g.key} class="survey-option"><input type="checkbox" checked={form.groups.includes(g.name)}
              onChange={(e) => setForm({ ...form, groups: e.currentTarget.checked ? [...form.groups, g.name] : form.groups.filter((x) => x !== g.name) })} /> {g.name}</label>
          ))}
        </fieldset>
        {(form.kind === 'SINGLE_CHOICE' || form.kind === 'MULTIPLE_CHOICE') && (
          <div class="field"><label for="q-options">{t('survey.options')}</label>
            <textarea id="q-options" rows={4} value={form.options} onInput={(e) => setForm({ ...form, options: e.currentTarget.value })} /></div>
        )}
        {form.kind === 'NUMBER' && (
          <div class="field"><label for="q-unit">{t('survey.unit')}</label>
            <select id="q-unit" value={form.unit} onChange={(e) => setForm({ ...form, unit: e.currentTarget.value as NumberUnit })}>
              {UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
            </select></div>
        )}
        <div class="field"><label for="q-capability">{t('survey.capability')}</label>
          <select id="q-capability" value={form.capabilityId} onChange={(e) => setForm({ ...form, capabilityId: e.currentTarget.value })}>
            <option value="">{t('survey.noCapability')}</option>
            {capabilities.map((c) => <option key={c.capabilityId} value={c.capabilityId}>{lang === 'en' ? c.name.en : c.name.sv}</option>)}
          </select></div>
        {form.capabilityId && (
          <div class="field"><label for="q-dimension">{t('survey.dimension')}</label>
            <select id="q-dimension" value={form.dimensionId} onChange={(e) => setForm({ ...form, dimensionId: e.currentTarget.value })}>
              <option value="">{t('survey.noDimension')}</option>
              {['processes', 'people', 'tools'].map((d) => <option key={d} value={d}>{t(`survey.dimension.${d}` as MessageKey)}</option>)}
            </select></div>
        )}
        <ErrorBox text={error ? errorText(error, t) : null} />
        <button class="button" type="submit" data-testid="add-question">{t('survey.addQuestion')}</button>
      </form>
    </section>
  );
}

function Links({ links }: { links: RespondentLink[] }) {
  const { t } = useI18n();
  return (
    <details class="card" data-testid="links">
      <summary>{t('survey.links', { count: links.length })}</summary>
      <p class="muted">{t('survey.linksIntro')}</p>
      <div class="table-scroll" role="region" aria-label={t('survey.linksTable')} tabIndex={0}>
        <table>
          <thead><tr><th scope="col">{t('survey.organisation')}</th><th scope="col">{t('survey.targetGroup')}</th><th scope="col">{t('survey.link')}</th></tr></thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.token}>
                <td>{l.organisationName}</td><td>{l.targetGroupName}</td>
                <td><a href={`#/answer/${l.token}`} data-testid={`link-${l.organisation}-${l.targetGroup}`}>{linkUrl(window.location, l.token)}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** One survey for its facilitator: builder (as a draft), open and close, the live board, links, results and the CSV. */
export function SurveyPage({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const { t } = useI18n();
  const credential = facilitatorCredential();
  const [survey, setSurvey] = useState<SurveyDetail | null>(null);
  const [results, setResults] = useState<SurveyResults | null>(null);
  const [links, setLinks] = useState<RespondentLink[]>([]);
  const [capabilities, setCapabilities] = useState<Results['capabilities']>([]);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const live = useLiveBoard(projectId, surveyId, credential);
  const board = live.snapshot;

  useEffect(() => {
    if (!credential) return;
    surveyApi.get(credential, projectId, surveyId).then(setSurvey, setError);
    surveyApi.links(credential, projectId, surveyId).then(setLinks, setError);
    api.projectResults(credential, projectId).then((r) => setCapabilities(r.capabilities), () => undefined);
  }, [projectId, surveyId, credential?.token, tick]);
  // Results follow the board: every push that counts an answer reloads them.
  useEffect(() => {
    if (credential) surveyApi.results(credential, projectId, surveyId).then(setResults, setError);
  }, [projectId, surveyId, credential?.token, board?.submitted, board?.version]);
  useEffect(() => {
    if (board && survey && board.status !== survey.status) setTick((n) => n + 1);
  }, [board?.status]);

  if (!credential) return <main class="narrow"><p>{t('survey.loginNeeded')}</p><a href={hrefs.login()}>{t('nav.facilitator')}</a></main>;
  const refresh = () => setTick((n) => n + 1);
  const run = (action: Promise<unknown>) => { setError(null); action.then(refresh, setError); };
  return (
    <main>
      <p><a href={hrefs.surveys(projectId)}>{t('survey.back')}</a></p>
      {!survey && !error && <Loading />}
      {survey && (
        <>
          <h1>{survey.title}</h1>
          <p data-testid="survey-status">{t(statusKey(survey.status))}</p>
          <ConnectionStatus state={live.connection} />
          <div class="button-row">
            {survey.status === 'DRAFT' && <button class="button primary" type="button" data-testid="open-survey"
              onClick={() => run(surveyApi.open(credential, projectId, surveyId))}>{t('survey.open')}</button>}
            {survey.status === 'OPEN' && <button class="button danger" type="button" data-testid="close-survey"
              onClick={() => run(surveyApi.close(credential, projectId, surveyId))}>{t('survey.close')}</button>}
            <button class="button secondary" type="button" data-testid="export-csv"
              onClick={() => { downloadExport(credential, `/projects/${encodeURIComponent(projectId)}/surveys/${encodeURIComponent(surveyId)}/answers.csv`, `enkat-${surveyId}.csv`).catch(setError); }}>
              {t('survey.exportCsv')}
            </button>
          </div>
          <ErrorBox text={error ? errorText(error, t) : null} />
          {survey.status === 'DRAFT' && <Builder survey={survey} credential={credential} capabilities={capabilities} onChanged={refresh} />}
          {board && <Board board={board} />}
          {links.length > 0 && <Links links={links} />}
          {results && <ResultsView results={results} projectId={projectId} />}
        </>
      )}
    </main>
  );
}
