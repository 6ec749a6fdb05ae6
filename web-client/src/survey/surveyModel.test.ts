import { describe, expect, it } from 'vitest';
import {
  answersFrom, applyBoardMessage, applyBoardMessages, formFrom, parseSurveyMessage, parseSwedishNumber, submittedBy,
  type Question, type RespondentPage, type ResponseBoard,
} from './surveyModel';

const q = (id: string, kind: Question['kind'], options: string[] = []): Question => ({
  id, kind, text: id, help: null, targetGroups: ['it-chef'], options, unit: kind === 'NUMBER' ? 'SEK' : null,
  unitLabel: null, capabilityId: null, dimensionId: null,
});
const QUESTIONS = [q('Q1', 'SCALE'), q('Q2', 'MULTIPLE_CHOICE', ['Drift', 'Arkitektur']), q('Q3', 'NUMBER'), q('Q4', 'TEXT'), q('Q5', 'SINGLE_CHOICE', ['Ja', 'Nej'])];

const board = (version: number, submitted: number): ResponseBoard => ({
  surveyId: 's', version, status: 'OPEN', organisations: [], targetGroups: [], submitted, drafts: 0, expected: 4, rate: submitted / 4,
  cells: [{ organisation: 'bengtsfors', targetGroup: 'it-chef', state: submitted > 0 ? 'submitted' : 'none', submittedAt: null }],
});

describe('answersFrom', () => {
  it('sends one answer per filled question in the kind it takes', () => {
    const { answers, problems } = answersFrom(QUESTIONS, { Q1: '4', Q2: ['Arkitektur', 'Drift'], Q3: '1 250 000,50', Q4: '  Diariet  ', Q5: 'Ja' });
    expect(problems).toEqual({});
    expect(answers).toEqual([
      { questionId: 'Q1', scale: 4 },
      { questionId: 'Q2', choices: ['Drift', 'Arkitektur'] },
      { questionId: 'Q3', number: 1250000.5 },
      { questionId: 'Q4', text: 'Diariet' },
      { questionId: 'Q5', choices: ['Ja'] },
    ]);
  });

  it('leaves empty questions out and names the ones that cannot be sent', () => {
    const { answers, problems } = answersFrom(QUESTIONS, { Q1: '', Q2: [], Q3: 'tio', Q4: 'x'.repeat(2001) });
    expect(answers).toEqual([]);
    expect(problems).toEqual({ Q3: 'number', Q4: 'tooLong' });
  });
});

describe('formFrom', () => {
  it('fills the form from the draft before the submitted set', () => {
    const page = { draft: [{ questionId: 'Q1', scale: 2 }], submitted: [{ questionId: 'Q1', scale: 5 }] } as unknown as RespondentPage;
    expect(formFrom(page)).toEqual({ Q1: '2' });
    expect(formFrom({ ...page, draft: null })).toEqual({ Q1: '5' });
  });
});

describe('parseSwedishNumber', () => {
  it('reads Swedish and plain numbers', () => {
    expect(parseSwedishNumber('12,5')).toBe(12.5);
    expect(parseSwedishNumber('9 800 000')).toBe(9800000);
    expect(parseSwedishNumber('abc')).toBeNull();
  });
});

describe('board reconciliation', () => {
  it('applies the next version, ignores older ones and asks for a reload on a gap', () => {
    const next = applyBoardMessage(board(3, 0), { type: 't', version: 4, surveyId: 's', board: board(4, 1) });
    expect(next).toEqual({ state: board(4, 1), needsReload: false });
    expect(applyBoardMessage(board(4, 1), { type: 't', version: 4, surveyId: 's', board: board(4, 0) }).state.submitted).toBe(1);
    expect(applyBoardMessage(board(4, 1), { type: 't', version: 6, surveyId: 's', board: board(6, 2) }).needsReload).toBe(true);
  });

  it('applies buffered messages in order', () => {
    const result = applyBoardMessages(board(1, 0), [
      { type: 't', version: 3, surveyId: 's', board: board(3, 2) },
      { type: 't', version: 2, surveyId: 's', board: board(2, 1) },
    ]);
    expect(result.state.version).toBe(3);
    expect(submittedBy(result.state, 'bengtsfors')).toBe(1);
  });

  it('parses only messages it can apply', () => {
    expect(parseSurveyMessage({ version: 1 })).toBeNull();
    expect(parseSurveyMessage({ type: 'survey.opened', version: 1, surveyId: 's', board: board(1, 0) })?.version).toBe(1);
  });
});
