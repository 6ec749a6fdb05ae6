import { useEffect, useState } from 'preact/hooks';
import { isApiError } from '../api/client';
import { errorText } from '../api/instance';
import { ErrorBox, Loading } from '../components/common';
import { formatMoment } from '../format';
import { useI18n } from '../lang';
import type { MessageKey } from '../i18n';
import { surveyApi } from './surveyApi';
import { answersFrom, formFrom, MAX_FREE_TEXT, type FieldProblem, type FormValues, type Question, type RespondentPage } from './surveyModel';

const PROBLEM_KEY: Record<FieldProblem, MessageKey> = {
  number: 'survey.problem.number',
  tooLong: 'survey.problem.tooLong',
  scale: 'survey.problem.scale',
};

function QuestionField({ question, value, problem, disabled, onChange }: {
  question: Question;
  value: string | string[] | undefined;
  problem: FieldProblem | undefined;
  disabled: boolean;
  onChange: (value: string | string[]) => void;
}) {
  const { t } = useI18n();
  const id = `q-${question.id}`;
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = [question.help ? helpId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
  const help = question.help ? <p class="muted" id={helpId}>{question.help}</p> : null;
  const problemText = problem ? <p class="error" id={problemId} role="alert">{t(PROBLEM_KEY[problem])}</p> : null;
  const text = typeof value === 'string' ? value : '';
  const chosen = Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : [];

  if (question.kind === 'SCALE' || question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE') {
    const multiple = question.kind === 'MULTIPLE_CHOICE';
    const options = question.kind === 'SCALE' ? ['1', '2', '3', '4', '5'] : question.options;
    return (
      <fieldset class="card survey-question" data-testid={`question-${question.id}`} aria-describedby={describedBy}>
        <legend>{question.text}</legend>
        {help}
        {question.kind === 'SCALE' && <p class="muted">{t('survey.scaleHint')}</p>}
        <div class={question.kind === 'SCALE' ? 'survey-scale' : 'survey-options'}>
          {options.map((option, i) => (
            <label key={option} class="survey-option">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={id}
                value={option}
                checked={chosen.includes(option)}
                disabled={disabled}
                data-testid={`answer-${question.id}-${i + 1}`}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  if (!multiple) onChange(option);
                  else onChange(on ? [...chosen, option] : chosen.filter((c) => c !== option));
                }}
              />
              {' '}{option}
            </label>
          ))}
        </div>
        {problemText}
      </fieldset>
    );
  }
  return (
    <div class="card survey-question field" data-testid={`question-${question.id}`}>
      <label for={id}>{question.text}{question.unitLabel ? ` (${question.unitLabel})` : ''}</label>
      {help}
      {question.kind === 'NUMBER' ? (
        <input id={id} inputMode="decimal" value={text} disabled={disabled} aria-describedby={describedBy}
          aria-invalid={problem ? 'true' : undefined} data-testid={`answer-${question.id}`}
          onInput={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <>
          <textarea id={id} rows={4} value={text} disabled={disabled} aria-describedby={describedBy}
            aria-invalid={problem ? 'true' : undefined} data-testid={`answer-${question.id}`}
            onInput={(e) => onChange(e.currentTarget.value)} />
          <p class="muted">{t('survey.characters', { count: text.length, max: MAX_FREE_TEXT })}</p>
        </>
      )}
      {problemText}
    </div>
  );
}

/**
 * A respondent's page, reached by the link for their organisation and target group. Answers
 * are saved on the server (as a draft, or submitted), so the link can be left and opened again
 * later, on any device; the submitted set can be changed until the survey closes.
 */
export function Respond({ link }: { link: string }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState<RespondentPage | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<{ kind: 'draft' | 'submitted'; at: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    surveyApi.page(link).then((loaded) => {
      setPage(loaded);
      setValues(formFrom(loaded));
    }, setError);
  }, [link]);

  if (!page) {
    return <main class="narrow"><ErrorBox text={error ? errorText(error, t) : null} />{!error && <Loading />}</main>;
  }
  const closed = page.status === 'CLOSED';
  const notOpen = page.status === 'DRAFT';

  const save = async (submit: boolean) => {
    const { answers, problems: found } = answersFrom(page.questions, values);
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await surveyApi.answer(link, page, answers, submit);
      const at = new Date().toISOString();
      setSaved({ kind: submit ? 'submitted' : 'draft', at });
      setPage(submit
        ? { ...page, draft: null, submitted: answers, submittedAt: at, revision: page.revision + 1 }
        : { ...page, draft: answers, draftSavedAt: at });
    } catch (e) {
      // Closed while the page was open: say so in the reader's language and lock the form.
      if (isApiError(e, 409) && e.problem?.type?.endsWith('/survey-closed')) {
        setPage({ ...page, status: 'CLOSED' });
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const state = saved?.kind === 'submitted' || (!saved && page.submitted && !page.draft)
    ? t('survey.state.submitted', { at: formatMoment(saved?.at ?? page.submittedAt ?? '', lang) })
    : saved?.kind === 'draft' || page.draft
      ? t('survey.state.draft', { at: formatMoment(saved?.at ?? page.draftSavedAt ?? '', lang) })
      : t('survey.state.none');

  return (
    <main class="narrow survey-respond">
      <h1>{page.title}</h1>
      <p data-testid="respondent">{t('survey.respondentIs', { organisation: page.organisation.name, group: page.targetGroup.name })}</p>
      <p class="survey-state" aria-live="polite" data-testid="answer-state">{state}</p>
      {notOpen && <p class="notice" role="status">{t('survey.notOpen')}</p>}
      {closed && <p class="notice" role="status" data-testid="survey-closed">{t('survey.closedNotice')}</p>}
      <p class="muted">{t('survey.respondIntro')}</p>
      <form onSubmit={(e) => { e.preventDefault(); void save(true); }}>
        {page.questions.map((q) => (
          <QuestionField key={q.id} question={q} value={values[q.id]} problem={problems[q.id]} disabled={closed || notOpen}
            onChange={(value) => setValues({ ...values, [q.id]: value })} />
        ))}
        <ErrorBox text={error ? errorText(error, t) : null} />
        {!closed && !notOpen && (
          <div class="actions">
            <button type="button" class="button secondary" disabled={busy} data-testid="save-draft" onClick={() => void save(false)}>
              {t('survey.saveDraft')}
            </button>
            <button type="submit" class="button" disabled={busy} data-testid="submit-answers">
              {page.submitted ? t('survey.resubmit') : t('survey.submit')}
            </button>
          </div>
        )}
      </form>
    </main>
  );
}
