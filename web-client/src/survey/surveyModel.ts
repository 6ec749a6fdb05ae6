/**
 * Surveys (nulägesanalys) and the environment analysis (omvärldsanalys): the server's shapes
 * (docs/api.md, "Surveys") and the pure functions the screens use, unit-tested.
 */

export type QuestionKind = 'SCALE' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'NUMBER' | 'TEXT';
export type NumberUnit = 'SEK' | 'FTE' | 'COUNT' | 'PERCENT';
export type SurveyStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

export interface Party { key: string; name: string }

export interface Question {
  id: string;
  kind: QuestionKind;
  text: string;
  help: string | null;
  targetGroups: string[];
  options: string[];
  unit: NumberUnit | null;
  unitLabel: string | null;
  capabilityId: string | null;
  dimensionId: string | null;
}

export interface Answer {
  questionId: string;
  scale?: number | null;
  choices?: string[] | null;
  number?: string | number | null;
  text?: string | null;
}

export interface BoardCell { organisation: string; targetGroup: string; state: 'none' | 'draft' | 'submitted'; submittedAt: string | null }

export interface ResponseBoard {
  surveyId: string;
  version: number;
  status: SurveyStatus;
  organisations: Party[];
  targetGroups: Party[];
  cells: BoardCell[];
  submitted: number;
  drafts: number;
  expected: number;
  rate: number;
}

export interface SurveySummary { id: string; title: string; status: SurveyStatus; version: number; submitted: number; expected: number }

export interface SurveyDetail {
  id: string;
  projectId: string;
  title: string;
  status: SurveyStatus;
  version: number;
  targetGroups: Party[];
  organisations: Party[];
  questions: Question[];
  board: ResponseBoard;
}

export interface RespondentLink { organisation: string; organisationName: string; targetGroup: string; targetGroupName: string; token: string; path: string }

export interface RespondentPage {
  surveyId: string;
  title: string;
  status: SurveyStatus;
  version: number;
  organisation: Party;
  targetGroup: Party;
  questions: Question[];
  draft: Answer[] | null;
  draftSavedAt: string | null;
  submitted: Answer[] | null;
  revision: number;
  submittedAt: string | null;
}

export interface Summary {
  count: number;
  mean: number | null;
  distribution: number[] | null;
  options: Record<string, number> | null;
  sum: string | null;
  median: string | null;
  min: string | null;
  max: string | null;
  texts: { organisation: string; targetGroup: string; text: string }[] | null;
}

export interface QuestionResult {
  questionId: string;
  kind: QuestionKind;
  text: string;
  unit: NumberUnit | null;
  unitLabel: string | null;
  capabilityId: string | null;
  dimensionId: string | null;
  overall: Summary;
  byTargetGroup: Record<string, Summary>;
  byOrganisation: Record<string, Summary>;
}

export interface SurveyResults {
  surveyId: string;
  title: string;
  status: SurveyStatus;
  respondents: number;
  targetGroups: Party[];
  organisations: Party[];
  questions: QuestionResult[];
}

export type SourceKind = 'EXTERNAL_EXPERT' | 'INTERNAL_EXPERT' | 'SIMILAR_INITIATIVE' | 'WORKSHOP_INTERVIEW';
export const SOURCE_KINDS: readonly SourceKind[] = ['EXTERNAL_EXPERT', 'INTERNAL_EXPERT', 'SIMILAR_INITIATIVE', 'WORKSHOP_INTERVIEW'];

export interface Source {
  id: string;
  kind: SourceKind;
  organisation: string;
  question: string | null;
  notes: string | null;
  date: string | null;
  status: 'PLANNED' | 'DONE';
  changedAt: string;
}

export interface Finding { id: string; statement: string; sourceIds: string[]; capabilityIds: string[]; withdrawn: boolean; recordedAt: string }

export interface EnvironmentAnalysis { projectId: string; version: number; sources: Source[]; findings: Finding[] }

export interface CapabilityEvidence {
  capabilityId: string;
  workshops: { name: { sv: string; en: string }; region: { count: number; mean: number | null; distribution?: number[] } } | null;
  survey: { surveyId: string; surveyTitle: string; result: QuestionResult }[];
  findings: { finding: Finding; sources: Source[] }[];
}

export interface SurveyLiveMessage { type: string; version: number; surveyId: string; board: ResponseBoard }

/** Limits the server enforces (SurveyRules); the page checks them first to say what is wrong sooner. */
export const MAX_FREE_TEXT = 2000;

/** What the respondent has typed: one text per question, as the inputs hold it. */
export type FormValues = Record<string, string | string[]>;

/** The form's values from saved answers (a draft wins over the submitted set, being newer). */
export function formFrom(page: RespondentPage): FormValues {
  const answers = page.draft ?? page.submitted ?? [];
  const values: FormValues = {};
  for (const answer of answers) {
    if (answer.scale != null) values[answer.questionId] = String(answer.scale);
    else if (answer.choices != null) values[answer.questionId] = [...answer.choices];
    else if (answer.number != null) values[answer.questionId] = String(answer.number).replace('.', ',');
    else if (answer.text != null) values[answer.questionId] = answer.text;
  }
  return values;
}

/** A number as typed in Sweden ("1 250 000,50") or plainly ("1250000.5"); null when it is none. */
export function parseSwedishNumber(input: string): number | null {
  const plain = input.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return null;
  return Number(plain);
}

export type FieldProblem = 'number' | 'tooLong' | 'scale';

/**
 * The answers to send for the form: one per question with a value, in the questions' order;
 * and the questions whose value cannot be sent as it stands (the server would refuse them too).
 */
export function answersFrom(questions: readonly Question[], values: FormValues): { answers: Answer[]; problems: Record<string, FieldProblem> } {
  const answers: Answer[] = [];
  const problems: Record<string, FieldProblem> = {};
  for (const q of questions) {
    const value = values[q.id];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) answers.push({ questionId: q.id, choices: q.options.filter((o) => value.includes(o)) });
      continue;
    }
    const text = value.trim();
    if (text === '') continue;
    switch (q.kind) {
      case 'SCALE': {
        const n = Number(text);
        if (Number.isInteger(n) && n >= 1 && n <= 5) answers.push({ questionId: q.id, scale: n });
        else problems[q.id] = 'scale';
        break;
      }
      case 'NUMBER': {
        const n = parseSwedishNumber(text);
        if (n === null || n < 0) problems[q.id] = 'number';
        else answers.push({ questionId: q.id, number: n });
        break;
      }
      case 'TEXT':
        if (text.length > MAX_FREE_TEXT) problems[q.id] = 'tooLong';
        else answers.push({ questionId: q.id, text });
        break;
      default:
        answers.push({ questionId: q.id, choices: [text] });
    }
  }
  return { answers, problems };
}

/** Applies one board push: older ones are ignored, the next one replaces the board, a gap means reload. */
export function applyBoardMessage(state: ResponseBoard, msg: SurveyLiveMessage): { state: ResponseBoard; needsReload: boolean } {
  if (msg.version <= state.version) return { state, needsReload: false };
  if (msg.version > state.version + 1) return { state, needsReload: true };
  return { state: { ...msg.board, version: msg.version }, needsReload: false };
}

export function applyBoardMessages(
  state: ResponseBoard,
  messages: readonly SurveyLiveMessage[],
): { state: ResponseBoard; needsReload: boolean; pending: SurveyLiveMessage[] } {
  const ordered = messages.slice().sort((a, b) => a.version - b.version);
  let current = state;
  for (let i = 0; i < ordered.length; i++) {
    const msg = ordered[i];
    if (!msg) continue;
    const result = applyBoardMessage(current, msg);
    if (result.needsReload) return { state: current, needsReload: true, pending: ordered.slice(i).filter((m) => m.version > current.version) };
    current = result.state;
  }
  return { state: current, needsReload: false, pending: [] };
}

export const boardReconciler = {
  applyMessage: applyBoardMessage,
  applyMessages: applyBoardMessages,
  adoptSnapshot: (current: ResponseBoard | null, loaded: ResponseBoard): ResponseBoard =>
    current && current.surveyId === loaded.surveyId && current.version > loaded.version ? current : loaded,
};

/** A push this client can apply: its key fields check out. */
export function parseSurveyMessage(raw: unknown): SurveyLiveMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (typeof m.version !== 'number' || typeof m.surveyId !== 'string' || typeof m.board !== 'object' || m.board === null) return null;
  const board = m.board as Record<string, unknown>;
  if (!Array.isArray(board.cells) || typeof board.submitted !== 'number') return null;
  return { type: typeof m.type === 'string' ? m.type : 'survey.changed', version: m.version, surveyId: m.surveyId, board: m.board as ResponseBoard };
}

/** The board's cell of an organisation and group. */
export function cellOf(board: ResponseBoard, organisation: string, targetGroup: string): BoardCell | undefined {
  return board.cells.find((c) => c.organisation === organisation && c.targetGroup === targetGroup);
}

/** How many of an organisation's groups have submitted. */
export function submittedBy(board: ResponseBoard, organisation: string): number {
  return board.cells.filter((c) => c.organisation === organisation && c.state === 'submitted').length;
}

/** The respondent link's full address on this site. */
export function linkUrl(location: { origin: string; pathname: string }, token: string): string {
  return `${location.origin}${location.pathname}#/answer/${token}`;
}
