import { describe, expect, it } from 'vitest';
import type { CapabilityResult, RatingAggregate, Results } from './api/types';
import { NO_RATINGS, ONE_FOUR, TWO } from './testing/fixtures';
import { categoriesOf, heatColour, heatTable, MAX_RADAR_ORGANISATIONS, NO_DATA_COLOUR, radarData, wrapLabel } from './results';

function result(id: string, region: RatingAggregate, overrides: Partial<CapabilityResult> = {}): CapabilityResult {
  return {
    capabilityId: id,
    parentId: null,
    category: 'leadership',
    name: { sv: `sv ${id}`, en: `en ${id}` },
    region,
    byDimension: {},
    byOrganisation: {},
    ...overrides,
  };
}

const cell = (mean: number | null, count: number, lowAgreement = false) => ({
  count,
  mean,
  agreement: mean === null ? null : 1,
  lowAgreement,
});

const results: Results = {
  scope: 'current',
  ratingCount: 3,
  organisations: ['Tanum', 'Uddevalla'],
  capabilities: [
    result('a', TWO, { byOrganisation: { Tanum: ONE_FOUR, Uddevalla: ONE_FOUR } }),
    result('a1', NO_RATINGS, { parentId: 'a' }),
    result('b', ONE_FOUR, { byOrganisation: { Tanum: ONE_FOUR } }),
    result('c', NO_RATINGS),
    result('x', ONE_FOUR, { category: 'core' }),
  ],
  heatmap: {
    organisations: ['Tanum', 'Uddevalla'],
    capabilityIds: ['a', 'a1', 'b', 'c', 'x'],
    rows: [
      [cell(3, 1), cell(null, 0), cell(4, 1), cell(null, 0), cell(4, 1)],
      [cell(4, 1), cell(null, 0), cell(null, 0), cell(null, 0), cell(null, 0, false)],
    ],
  },
  strengths: [],
  weaknesses: [],
};

describe('heatTable', () => {
  it('turns organisations into columns and keeps only rated capabilities, in model order', () => {
    const table = heatTable(results);
    expect(table.organisations).toEqual(['Tanum', 'Uddevalla']);
    expect(table.rows.map((r) => r.capability.capabilityId)).toEqual(['a', 'b', 'x']);
    expect(table.rows[0]?.cells.map((c) => c.mean)).toEqual([3, 4]);
    expect(table.rows[1]?.cells.map((c) => c.count)).toEqual([1, 0]);
  });

  it('is empty without ratings', () => {
    const empty = { ...results, capabilities: results.capabilities.map((c) => ({ ...c, region: NO_RATINGS })) };
    expect(heatTable(empty).rows).toEqual([]);
  });
});

describe('heatColour', () => {
  it('runs from red through yellow to green, grey without ratings', () => {
    expect(heatColour(null)).toBe(NO_DATA_COLOUR);
    expect(heatColour(1)).toBe('#f6b0a8');
    expect(heatColour(3)).toBe('#fae39c');
    expect(heatColour(5)).toBe('#a9d8a6');
    expect(heatColour(0)).toBe(heatColour(1));
    expect(heatColour(9)).toBe(heatColour(5));
  });

  it('tells different means apart', () => {
    expect(heatColour(2)).not.toBe(heatColour(2.5));
    expect(heatColour(4)).not.toBe(heatColour(4.5));
  });
});

describe('radarData', () => {
  const categories = [
    { id: 'leadership', name: { sv: 'Ledning', en: 'Leadership' } },
    { id: 'core', name: { sv: 'Kärna', en: 'Core' } },
  ];

  it('draws the top-level capabilities of a category as axes, the region and each organisation as series', () => {
    const [chart, ...others] = radarData(results, categories, 'sv', 'Regionen');
    expect(others).toEqual([]);
    expect(chart?.category.id).toBe('leadership');
    expect(chart?.axes).toEqual(['sv a', 'sv b', 'sv c']);
    expect(chart?.series).toEqual([
      { label: 'Regionen', values: [3.5, 4, null] },
      { label: 'Tanum', values: [4, 4, null] },
      { label: 'Uddevalla', values: [4, null, null] },
    ]);
  });

  it('leaves out a category with fewer than three axes', () => {
    expect(radarData(results, categories, 'en', 'Region').some((c) => c.category.id === 'core')).toBe(false);
  });

  it('draws only the region when organisations are too many to read', () => {
    const many = Array.from({ length: MAX_RADAR_ORGANISATIONS + 1 }, (_, i) => `Org ${i}`);
    const [chart] = radarData({ ...results, organisations: many }, categories, 'en', 'Region');
    expect(chart?.series.map((s) => s.label)).toEqual(['Region']);
  });
});

describe('categoriesOf', () => {
  it('names the categories the results mention, by id where the name is unknown', () => {
    const known = [{ id: 'core', name: { sv: 'Kärna', en: 'Core' } }];
    expect(categoriesOf(results, known)).toEqual([
      { id: 'leadership', name: { sv: 'leadership', en: 'leadership' } },
      { id: 'core', name: { sv: 'Kärna', en: 'Core' } },
    ]);
  });
});

describe('wrapLabel', () => {
  it.each([
    { text: 'Kommunicera', expected: ['Kommunicera'] },
    { text: 'Sätta rätt mål för avdelningen', expected: ['Sätta rätt mål för', 'avdelningen'] },
    {
      text: 'Förstå verksamheternas behov av digitala verksamhetsupplevelser',
      expected: ['Förstå', 'verksamheternas', 'behov av digitala…'],
    },
    { text: '', expected: [] },
  ])('$text', ({ text, expected }) => {
    expect(wrapLabel(text)).toEqual(expected);
  });
});
