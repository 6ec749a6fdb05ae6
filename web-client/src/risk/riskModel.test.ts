import { describe, expect, it } from 'vitest';
import type { RiskHistoryEntry } from '../api/types';
import { escalation, register, risk } from '../testing/riskFixtures';
import {
  activeEscalations,
  filterRisks,
  levelOf,
  matrixCells,
  NO_FILTER,
  NO_OWNER,
  ownersOf,
  sortRisks,
  suggestedAdoption,
  trendOf,
} from './riskModel';

function entry(kind: string, version: number, value: number | null): RiskHistoryEntry {
  return {
    version,
    kind,
    at: '2026-11-29T10:00:00Z',
    by: 'admin',
    reason: null,
    probability: null,
    impact: null,
    value,
    level: value === null ? null : levelOf(value),
    previousLevel: null,
    basis: null,
    actionId: null,
    status: null,
  };
}

describe('levelOf', () => {
  it.each([
    [1, 'LOW'],
    [6, 'LOW'],
    [8, 'MEDIUM'],
    [12, 'MEDIUM'],
    [15, 'HIGH'],
    [25, 'HIGH'],
  ])('R = %i is %s', (value, level) => {
    expect(levelOf(value)).toBe(level);
  });
});

describe('sortRisks', () => {
  it('puts open risks first, highest value first, then by number', () => {
    const sorted = sortRisks([
      risk('R1', { value: 10 }),
      risk('R2', { value: 20, state: 'CLOSED' }),
      risk('R3', { value: 12 }),
      risk('R4', { value: 12 }),
      risk('R5', { value: 25, state: 'MITIGATED' }),
    ]);
    expect(sorted.map((r) => r.id)).toEqual(['R3', 'R4', 'R1', 'R5', 'R2']);
  });
});

describe('filterRisks', () => {
  const risks = [
    risk('R1', { level: 'LOW', owner: 'Anna' }),
    risk('R2', { level: 'HIGH', state: 'MITIGATED', owner: 'Bo' }),
    risk('R3', { level: 'HIGH', owner: null }),
  ];
  it.each([
    { name: 'nothing filtered', filter: NO_FILTER, ids: ['R1', 'R2', 'R3'] },
    { name: 'by level', filter: { ...NO_FILTER, level: 'HIGH' as const }, ids: ['R2', 'R3'] },
    { name: 'by state', filter: { ...NO_FILTER, state: 'MITIGATED' as const }, ids: ['R2'] },
    { name: 'by owner', filter: { ...NO_FILTER, owner: 'Anna' }, ids: ['R1'] },
    { name: 'without owner', filter: { ...NO_FILTER, owner: NO_OWNER }, ids: ['R3'] },
    { name: 'level and state together', filter: { ...NO_FILTER, level: 'HIGH' as const, state: 'OPEN' as const }, ids: ['R3'] },
  ])('$name', ({ filter, ids }) => {
    expect(filterRisks(risks, filter).map((r) => r.id)).toEqual(ids);
  });

  it('lists each owner once, sorted', () => {
    expect(ownersOf([...risks, risk('R4', { owner: 'Anna' })])).toEqual(['Anna', 'Bo']);
  });
});

describe('matrixCells', () => {
  it('places each risk by S and K', () => {
    const cells = matrixCells([risk('R1', { probability: 2, impact: 5 }), risk('R2', { probability: 2, impact: 5 }), risk('R3', { probability: 4, impact: 3 })]);
    expect(cells.get('2-5')?.map((r) => r.id)).toEqual(['R1', 'R2']);
    expect(cells.get('4-3')?.map((r) => r.id)).toEqual(['R3']);
    expect(cells.get('1-1')).toBeUndefined();
  });
});

describe('activeEscalations', () => {
  it.each([
    {
      name: 'shows an escalation while the risk is at that level',
      state: register({ risks: [risk('R1', { level: 'HIGH' })], escalations: [escalation('R1', 4)] }),
      dismissed: [],
      expected: [4],
    },
    {
      name: 'hides it once the risk fell again',
      state: register({ risks: [risk('R1', { level: 'MEDIUM' })], escalations: [escalation('R1', 4)] }),
      dismissed: [],
      expected: [],
    },
    {
      name: 'hides it once the risk is closed',
      state: register({ risks: [risk('R1', { level: 'HIGH', state: 'CLOSED' })], escalations: [escalation('R1', 4)] }),
      dismissed: [],
      expected: [],
    },
    {
      name: 'hides a dismissed one',
      state: register({ risks: [risk('R1', { level: 'HIGH' })], escalations: [escalation('R1', 4)] }),
      dismissed: [4],
      expected: [],
    },
    {
      name: 'shows only the newest per risk, newest risk first',
      state: register({
        risks: [risk('R1', { level: 'HIGH' }), risk('R2', { level: 'MEDIUM' })],
        escalations: [
          escalation('R1', 2, { level: 'MEDIUM', previousLevel: 'LOW' }),
          escalation('R1', 4),
          escalation('R2', 6, { level: 'MEDIUM', previousLevel: 'LOW' }),
        ],
      }),
      dismissed: [],
      expected: [6, 4],
    },
  ])('$name', ({ state, dismissed, expected }) => {
    expect(activeEscalations(state, new Set(dismissed)).map((e) => e.version)).toEqual(expected);
  });
});

describe('trendOf', () => {
  it('takes each assessment in order and nothing else', () => {
    const r = risk('R1', {
      history: [entry('registered', 0, 10), entry('edited', 1, null), entry('reassessed', 2, 16), entry('escalated', 3, 16), entry('reassessed', 5, 4)],
    });
    expect(trendOf(r)).toEqual([
      { version: 0, value: 10, level: 'MEDIUM' },
      { version: 2, value: 16, level: 'HIGH' },
      { version: 5, value: 4, level: 'LOW' },
    ]);
  });
});

describe('suggestedAdoption', () => {
  it('suggests the medians of a revealed estimate, rounded to the scale', () => {
    const r = risk('R1', {
      estimate: {
        state: 'revealed',
        openedAt: '2026-11-29T10:00:00Z',
        estimators: ['a', 'b'],
        count: 2,
        values: [],
        probability: { min: 3, max: 4, mean: 3.5, median: 3.5 },
        impact: { min: 4, max: 4, mean: 4, median: 4 },
        value: { min: 12, max: 16, mean: 14, median: 14 },
      },
    });
    expect(suggestedAdoption(r)).toEqual({ probability: 4, impact: 4 });
  });

  it('keeps the current assessment without a revealed estimate', () => {
    expect(suggestedAdoption(risk('R1', { probability: 2, impact: 5 }))).toEqual({ probability: 2, impact: 5 });
  });
});
