import { describe, expect, it } from 'vitest';
import type { Results, Scenario, ScenarioVote } from './api/types';
import {
  compareResults,
  compareScenarios,
  costInput,
  currentScenarioVote,
  dotsRemaining,
  formatCost,
  formatDuration,
  moveInRanking,
  parseCost,
  parseModelFile,
  scenarioIdFor,
  startingDots,
  startingRanking,
  stepDots,
} from './scenarios';
import { capability, NO_RATINGS } from './testing/fixtures';

describe('formatCost', () => {
  it.each([
    { cost: 2_500_000, kind: 'ONE_OFF' as const, lang: 'sv' as const, expected: '2,5 mnkr' },
    { cost: 2_500_000, kind: 'ONE_OFF' as const, lang: 'en' as const, expected: 'SEK 2.5m' },
    { cost: 1_000_000, kind: 'PER_YEAR' as const, lang: 'sv' as const, expected: '1 mnkr/år' },
    { cost: 250_000, kind: 'PER_YEAR' as const, lang: 'en' as const, expected: 'SEK 250k/year' },
    { cost: 250_000, kind: 'ONE_OFF' as const, lang: 'sv' as const, expected: '250 tkr' },
    { cost: 900, kind: 'ONE_OFF' as const, lang: 'sv' as const, expected: '900 kr' },
    { cost: 0, kind: 'ONE_OFF' as const, lang: 'en' as const, expected: 'SEK 0' },
  ])('$cost $kind in $lang → $expected', ({ cost, kind, lang, expected }) => {
    expect(formatCost(cost, kind, lang)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    { months: 12, lang: 'sv' as const, expected: '1 år' },
    { months: 24, lang: 'sv' as const, expected: '2 år' },
    { months: 18, lang: 'sv' as const, expected: '18 mån' },
    { months: 12, lang: 'en' as const, expected: '1 year' },
    { months: 36, lang: 'en' as const, expected: '3 years' },
    { months: 1, lang: 'en' as const, expected: '1 month' },
    { months: 0, lang: 'en' as const, expected: '0 months' },
  ])('$months months in $lang → $expected', ({ months, lang, expected }) => {
    expect(formatDuration(months, lang)).toBe(expected);
  });
});

describe('parseCost and costInput', () => {
  it.each([
    { text: '2,5', unit: 'mnkr' as const, expected: 2_500_000 },
    { text: '2.5', unit: 'mnkr' as const, expected: 2_500_000 },
    { text: '1 200', unit: 'tkr' as const, expected: 1_200_000 },
    { text: '900', unit: 'kr' as const, expected: 900 },
    { text: '', unit: 'kr' as const, expected: null },
    { text: '-5', unit: 'kr' as const, expected: null },
    { text: 'två', unit: 'kr' as const, expected: null },
  ])('"$text" $unit → $expected', ({ text, unit, expected }) => {
    expect(parseCost(text, unit)).toBe(expected);
  });

  it('offers a cost back in the unit it reads best in', () => {
    expect(costInput(2_500_000, 'sv')).toEqual({ amount: '2,5', unit: 'mnkr' });
    expect(costInput(250_000, 'en')).toEqual({ amount: '250', unit: 'tkr' });
    expect(costInput(0, 'sv')).toEqual({ amount: '0', unit: 'kr' });
  });
});

describe('scenarioIdFor', () => {
  it.each([
    { name: 'Gemensam SOC', taken: [], expected: 'gemensam-soc' },
    { name: 'Gemensam SOC', taken: ['gemensam-soc'], expected: 'gemensam-soc-2' },
    { name: 'Kompetens för ökad säkerhet!', taken: [], expected: 'kompetens-for-okad-sakerhet' },
    { name: '!!!', taken: [], expected: 'scenario' },
  ])('$name → $expected', ({ name, taken, expected }) => {
    expect(scenarioIdFor(name, taken)).toBe(expected);
  });
});

describe('dots', () => {
  it.each([
    { dots: {}, id: 'soc', delta: 1, allowance: 3, expected: { soc: 1 } },
    { dots: { soc: 2 }, id: 'soc', delta: 1, allowance: 3, expected: { soc: 3 } },
    { dots: { soc: 3 }, id: 'soc', delta: 1, allowance: 3, expected: { soc: 3 } },
    { dots: { soc: 2, comp: 1 }, id: 'comp', delta: 1, allowance: 3, expected: { soc: 2, comp: 1 } },
    { dots: { soc: 1 }, id: 'soc', delta: -1, allowance: 3, expected: {} },
    { dots: {}, id: 'soc', delta: -1, allowance: 3, expected: {} },
  ])('$dots, $id by $delta of $allowance → $expected', ({ dots, id, delta, allowance, expected }) => {
    expect(stepDots(dots as Record<string, number>, id, delta, allowance)).toEqual(expected);
  });

  it.each([
    { dots: {}, allowance: 3, expected: 3 },
    { dots: { soc: 2, comp: 1 }, allowance: 3, expected: 0 },
    { dots: { soc: 5 }, allowance: 3, expected: 0 },
  ])('remaining of $dots with $allowance → $expected', ({ dots, allowance, expected }) => {
    expect(dotsRemaining(dots as Record<string, number>, allowance)).toBe(expected);
  });

  it('starts from the kept ballot, without scenarios the vote does not have', () => {
    expect(startingDots(['soc', 'comp'], { voteId: 'v', dots: { soc: 2, gone: 1 }, ranking: null })).toEqual({ soc: 2 });
    expect(startingDots(['soc'], null)).toEqual({});
  });
});

describe('ranking', () => {
  it.each([
    { ranking: ['a', 'b', 'c'], index: 1, delta: -1, expected: ['b', 'a', 'c'] },
    { ranking: ['a', 'b', 'c'], index: 1, delta: 1, expected: ['a', 'c', 'b'] },
    { ranking: ['a', 'b', 'c'], index: 0, delta: -1, expected: ['a', 'b', 'c'] },
    { ranking: ['a', 'b', 'c'], index: 2, delta: 1, expected: ['a', 'b', 'c'] },
    { ranking: ['a', 'b', 'c'], index: 5, delta: -1, expected: ['a', 'b', 'c'] },
  ])('$ranking moving $index by $delta → $expected', ({ ranking, index, delta, expected }) => {
    expect(moveInRanking(ranking, index, delta)).toEqual(expected);
  });

  it.each([
    { ids: ['a', 'b'], kept: ['b', 'a'], expected: ['b', 'a'] },
    { ids: ['a', 'b', 'c'], kept: ['b', 'a'], expected: ['a', 'b', 'c'] },
    { ids: ['a', 'b'], kept: null, expected: ['a', 'b'] },
  ])('starts $ids from $kept → $expected', ({ ids, kept, expected }) => {
    expect(startingRanking(ids, kept ? { voteId: 'v', dots: null, ranking: kept } : null)).toEqual(expected);
  });
});

const scenario = (id: string, capabilityIds: string[]): Scenario => ({
  id,
  name: id,
  description: '',
  capabilityIds,
  costSek: 1000,
  costKind: 'ONE_OFF',
  durationMonths: 12,
  priority: 'HIGH',
});

const vote = (overrides: Partial<ScenarioVote> = {}): ScenarioVote => ({
  id: 'v1',
  method: 'DOTS',
  dotsPerPerson: 3,
  sealed: true,
  scenarioIds: ['soc', 'comp'],
  state: 'revealed',
  voterCount: 2,
  results: [
    { scenarioId: 'soc', dots: 4, points: 0, firstPlaces: 0 },
    { scenarioId: 'comp', dots: 2, points: 0, firstPlaces: 0 },
  ],
  ...overrides,
});

const rated = { ...NO_RATINGS, count: 2, mean: 2.5 };

function results(means: Record<string, number | null>): Results {
  return {
    scope: 'current',
    ratingCount: 0,
    organisations: [],
    capabilities: Object.entries(means).map(([id, mean]) => ({
      capabilityId: id,
      parentId: null,
      category: 'leadership',
      name: { sv: `sv ${id}`, en: `en ${id}` },
      region: mean === null ? NO_RATINGS : { ...rated, mean },
      byDimension: {},
      byOrganisation: {},
    })),
    heatmap: { organisations: [], capabilityIds: [], rows: [] },
    strengths: [],
    weaknesses: [],
  };
}

describe('compareScenarios', () => {
  const scenarios = [scenario('soc', ['set-goals', 'operate']), scenario('comp', ['operate']), scenario('other', [])];

  it('gives tallies, places and the ratings of the capabilities each strengthens', () => {
    const rows = compareScenarios(scenarios, vote(), results({ 'set-goals': 2.5, operate: null }), [capability('operate')]);
    expect(rows.map((r) => [r.scenario.id, r.tally?.dots, r.place])).toEqual([
      ['soc', 4, 1],
      ['comp', 2, 2],
    ]);
    expect(rows[0]?.capabilities.map((c) => [c.id, c.rating?.mean ?? null])).toEqual([
      ['set-goals', 2.5],
      ['operate', null],
    ]);
  });

  it('shows no tallies or places while a vote is sealed, and every scenario without a vote', () => {
    expect(compareScenarios(scenarios, vote({ results: null }), null, []).map((r) => r.place)).toEqual([null, null]);
    expect(compareScenarios(scenarios, null, null, []).map((r) => r.scenario.id)).toEqual(['soc', 'comp', 'other']);
  });

  it('ranks a ranking vote by points, ties sharing a place', () => {
    const ranked = vote({
      method: 'RANK',
      results: [
        { scenarioId: 'soc', dots: 0, points: 3, firstPlaces: 1 },
        { scenarioId: 'comp', dots: 0, points: 3, firstPlaces: 2 },
      ],
    });
    expect(compareScenarios(scenarios, ranked, null, []).map((r) => r.place)).toEqual([1, 1]);
  });

  it('picks the open vote, else the latest', () => {
    expect(currentScenarioVote({ scenarioVotes: [] })).toBeNull();
    expect(currentScenarioVote({ scenarioVotes: [vote({ id: 'a', state: 'open' }), vote({ id: 'b' })] })?.id).toBe('a');
    expect(currentScenarioVote({ scenarioVotes: [vote({ id: 'a' }), vote({ id: 'b', state: 'closed' })] })?.id).toBe('b');
  });
});

describe('compareResults', () => {
  it('lines up two pictures and gives the change of the mean', () => {
    const rows = compareResults(results({ a: 2, b: null, c: 4 }), results({ a: 3.5, d: 1, b: null }));
    expect(rows.map((r) => [r.capabilityId, r.left?.mean ?? null, r.right?.mean ?? null, r.change])).toEqual([
      ['a', 2, 3.5, 1.5],
      ['c', 4, null, null],
      ['d', null, 1, null],
    ]);
  });
});

describe('parseModelFile', () => {
  it.each([
    { text: '{"categories":[{"id":"core"}]}', ok: true },
    { text: 'not json', ok: false },
    { text: '[]', ok: false },
    { text: '{"categories":[]}', ok: false },
  ])('$text → $ok', ({ text, ok }) => {
    expect('model' in parseModelFile(text)).toBe(ok);
  });
});
