import { describe, expect, it } from 'vitest';
import {
  factsErrors, factsToForm, formToFacts, ganttWeeks, nextActivityId, parseWeek, weekIndex, weekMonday, weekSpanLabel,
} from './gantt';

describe('ISO weeks', () => {
  it.each([
    ['2020-W41', { year: 2020, week: 41 }],
    ['2020-W53', { year: 2020, week: 53 }],
    ['2021-W4', { year: 2021, week: 4 }],
    ['2021-W53', null],
    ['2020-W00', null],
    ['vecka 41', null],
  ])('%s reads as %j', (text, week) => {
    expect(parseWeek(text)).toEqual(week);
  });

  it('finds the Monday of a week across the year boundary', () => {
    expect(weekMonday({ year: 2020, week: 53 })).toBe('2020-12-28');
    expect(weekMonday({ year: 2021, week: 1 })).toBe('2021-01-04');
    expect(weekMonday({ year: 2020, week: 41 })).toBe('2020-10-05');
  });

  it.each([
    ['2020-W41', '2020-W43', 'v. 41–43'],
    ['2020-W44', '2020-W44', 'v. 44'],
    ['2020-W53', '2021-W02', 'v. 53 2020 – v. 2 2021'],
  ])('labels %s to %s as %s', (a, b, label) => {
    expect(weekSpanLabel(a, b)).toBe(label);
  });
});

describe('the Gantt view', () => {
  it('spans weeks 41 to 4 across the year, with week 53 of 2020', () => {
    const weeks = ganttWeeks(null, [
      { id: 'A1', name: 'Intervjuer', startWeek: '2020-W41', endWeek: '2020-W43' },
      { id: 'A10', name: 'Scenario 3 och 4', startWeek: '2021-W02', endWeek: '2021-W04' },
    ], []);
    expect(weeks.map((w) => w.week)).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 1, 2, 3, 4]);
    expect(weekIndex(weeks, parseWeek('2021-W01'))).toBe(13);
    expect(weekIndex(weeks, parseWeek('2022-W01'))).toBe(-1);
  });

  it('is empty when nothing is dated', () => {
    expect(ganttWeeks(null, [], [])).toEqual([]);
  });
});

describe('the facts form', () => {
  const valid = { ...factsToForm(null), name: 'Förstudie', startDate: '2020-09-25', endDate: '2021-01-29' };

  it.each([
    [{ name: ' ' }, { name: 'facts.required' }],
    [{ startDate: '2020-13-45' }, { startDate: 'facts.badDate' }],
    [{ endDate: '29/1 2021' }, { endDate: 'facts.badDate' }],
    [{ endDate: '2020-01-29' }, { endDate: 'facts.endBeforeStart' }],
    [{ totalCostSek: '605 000 kr' }, { totalCostSek: 'facts.badCost' }],
    [{}, {}],
  ])('with %j finds %j', (change, errors) => {
    expect(factsErrors({ ...valid, ...change })).toEqual(errors);
  });

  it('sends lists one a line and the cost as a number', () => {
    expect(formToFacts({ ...valid, totalCostSek: '605 000', financing: 'VGR\n\n Fyrbodal ', goal: '' })).toMatchObject({
      name: 'Förstudie', totalCostSek: 605000, financing: ['VGR', 'Fyrbodal'], goal: null, deliverables: [],
    });
  });
});

describe('the id offered for a new activity', () => {
  const activity = (id: string) => ({ id, name: id, startWeek: '2020-W41', endWeek: '2020-W42' });
  it.each([
    [[], 'A1'],
    [['A1', 'A2'], 'A3'],
    [['A1', 'A3'], 'A4'],
    [['A3'], 'A4'],
    [['A2', 'A10'], 'A11'],
  ])('after %j it is %s, never one in use', (ids, next) => {
    expect(nextActivityId(ids.map(activity))).toBe(next);
  });
});
