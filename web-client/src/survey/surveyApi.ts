import { ApiError, type Credential } from '../api/client';
import type { Problem } from '../api/types';
import { api } from '../api/instance';
import type {
  Answer, CapabilityEvidence, EnvironmentAnalysis, Question, RespondentLink, RespondentPage, ResponseBoard,
  SourceKind, SurveyDetail, SurveyResults, SurveySummary,
} from './surveyModel';

/** The header a respondent's link travels in (the link is not a login: it names one organisation and group). */
export const LINK_HEADER = 'X-Survey-Link';

const p = encodeURIComponent;

interface Outcome { id: string; version: number }

async function call<T>(method: string, url: string, auth: { credential?: Credential | null; link?: string }, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth.credential) headers['Authorization'] = `Bearer ${auth.credential.token}`;
  if (auth.link) headers[LINK_HEADER] = auth.link;
  let response: Response;
  try {
    response = await fetch(`/api/v1${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  return (await response.json()) as T;
}

export type QuestionRequest = Omit<Question, 'id' | 'unitLabel'>;

export interface SourceRequest {
  kind: SourceKind;
  organisation: string;
  question: string | null;
  notes: string | null;
  date: string | null;
  status: 'PLANNED' | 'DONE';
}

/** Surveys and the environment analysis (docs/api.md, "Surveys"). */
export const surveyApi = {
  list: (c: Credential, project: string) => call<SurveySummary[]>('GET', `/projects/${p(project)}/surveys`, { credential: c }),
  get: (c: Credential, project: string, survey: string) =>
    call<SurveyDetail>('GET', `/projects/${p(project)}/surveys/${p(survey)}`, { credential: c }),
  board: (c: Credential, project: string, survey: string) =>
    call<ResponseBoard>('GET', `/projects/${p(project)}/surveys/${p(survey)}/board`, { credential: c }),
  results: (c: Credential, project: string, survey: string) =>
    call<SurveyResults>('GET', `/projects/${p(project)}/surveys/${p(survey)}/results`, { credential: c }),
  links: (c: Credential, project: string, survey: string) =>
    call<RespondentLink[]>('GET', `/projects/${p(project)}/surveys/${p(survey)}/links`, { credential: c }),
  createFromTemplate: (c: Credential, project: string) =>
    call<Outcome>('POST', `/projects/${p(project)}/surveys`, { credential: c }, { template: 'fyrbodal-nulage' }),
  addQuestion: (c: Credential, project: string, survey: string, q: QuestionRequest) =>
    call<Outcome>('POST', `/projects/${p(project)}/surveys/${p(survey)}/questions`, { credential: c }, q),
  removeQuestion: (c: Credential, project: string, survey: string, questionId: string) =>
    call<Outcome>('DELETE', `/projects/${p(project)}/surveys/${p(survey)}/questions/${p(questionId)}`, { credential: c }),
  open: (c: Credential, project: string, survey: string) =>
    call<Outcome>('POST', `/projects/${p(project)}/surveys/${p(survey)}/open`, { credential: c }, {}),
  close: (c: Credential, project: string, survey: string) =>
    call<Outcome>('POST', `/projects/${p(project)}/surveys/${p(survey)}/close`, { credential: c }, {}),
  csv: (c: Credential, project: string, survey: string) =>
    api.download(c, `/projects/${p(project)}/surveys/${p(survey)}/answers.csv`),

  page: (link: string) => call<RespondentPage>('GET', `/survey-links/${p(link)}`, {}),
  answer: (link: string, page: RespondentPage, answers: Answer[], submit: boolean) =>
    call<Outcome>('PUT', `/surveys/${p(page.surveyId)}/responses/${p(page.organisation.key)}/${p(page.targetGroup.key)}`,
      { link }, { answers, submit }),

  environment: (c: Credential, project: string) =>
    call<EnvironmentAnalysis>('GET', `/projects/${p(project)}/environment`, { credential: c }),
  addSource: (c: Credential, project: string, s: SourceRequest) =>
    call<Outcome>('POST', `/projects/${p(project)}/environment/sources`, { credential: c }, s),
  changeSource: (c: Credential, project: string, id: string, s: SourceRequest) =>
    call<Outcome>('PUT', `/projects/${p(project)}/environment/sources/${p(id)}`, { credential: c }, s),
  addFinding: (c: Credential, project: string, f: { statement: string; sourceIds: string[]; capabilityIds: string[] }) =>
    call<Outcome>('POST', `/projects/${p(project)}/environment/findings`, { credential: c }, f),
  withdrawFinding: (c: Credential, project: string, id: string) =>
    call<Outcome>('DELETE', `/projects/${p(project)}/environment/findings/${p(id)}`, { credential: c }),
  evidence: (c: Credential, project: string, capability: string) =>
    call<CapabilityEvidence>('GET', `/projects/${p(project)}/capabilities/${p(capability)}/evidence`, { credential: c }),
};
