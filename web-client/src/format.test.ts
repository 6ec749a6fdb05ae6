import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDecimal,
  formatDueDate,
  formatIsoDate,
  formatMean,
  formatMillions,
  formatMoment,
  formatMoney,
  formatNumber,
  formatPercent,
  formatWeek,
  isoWeek,
  meanAttribute,
  normaliseJoinCode,
  parseIsoDate,
} from './format';

describe('formatMean', () => {
  it.each([
    { mean: 3.67, lang: 'sv' as const, expected: '3,7' },
    { mean: 4, lang: 'sv' as const, expected: '4,0' },
    { mean: 1.25, lang: 'sv' as const, expected: '1,3' },
    { mean: 3.67, lang: 'en' as const, expected: '3.7' },
    { mean: null, lang: 'sv' as const, expected: '–' },
    { mean: null, lang: 'en' as const, expected: '–' },
  ])('$mean in $lang → $expected', ({ mean, lang, expected }) => {
    expect(formatMean(mean, lang)).toBe(expected);
  });
});

describe('meanAttribute', () => {
  it.each([
    { mean: 3.67, expected: '3.67' },
    { mean: 4, expected: '4' },
    { mean: null, expected: '' },
  ])('$mean → "$expected"', ({ mean, expected }) => {
    expect(meanAttribute(mean)).toBe(expected);
  });
});

describe('normaliseJoinCode', () => {
  it.each([
    { input: 'k7q2mx', expected: 'K7Q2MX' },
    { input: ' K7Q 2MX ', expected: 'K7Q2MX' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(normaliseJoinCode(input)).toBe(expected);
  });
});

describe('formatDecimal and formatPercent', () => {
  it.each([
    { value: 0.47, lang: 'sv' as const, digits: 2, expected: '0,47' },
    { value: 0.47, lang: 'en' as const, digits: 2, expected: '0.47' },
    { value: 3.5, lang: 'sv' as const, digits: 1, expected: '3,5' },
    { value: null, lang: 'sv' as const, digits: 1, expected: '–' },
  ])('$value in $lang with $digits decimals → $expected', ({ value, lang, digits, expected }) => {
    expect(formatDecimal(value, lang, digits)).toBe(expected);
  });

  it('writes shares as whole percentages in the language’s style', () => {
    expect(formatPercent(0.764, 'sv').replace(/\s/g, ' ')).toBe('76 %');
    expect(formatPercent(0.764, 'en')).toBe('76%');
    expect(formatPercent(null, 'en')).toBe('–');
  });
});

describe('formatMoment', () => {
  it('shows the time to the second and leaves what is no time as it is', () => {
    expect(formatMoment('2026-11-29T10:11:12Z', 'sv')).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    expect(formatMoment('not a time', 'en')).toBe('not a time');
  });
});

describe('Swedish number and money formats', () => {
  const nb = (s: string) => s.replace(/ /g, '\u00a0');
  it.each([
    { value: 605000, lang: 'sv' as const, expected: nb('605 000 kr') },
    { value: 1234567.4, lang: 'sv' as const, expected: nb('1 234 567 kr') },
    { value: 900, lang: 'sv' as const, expected: nb('900 kr') },
    { value: 0, lang: 'sv' as const, expected: nb('0 kr') },
    { value: -5000, lang: 'sv' as const, expected: nb('\u22125 000 kr') },
    { value: 605000, lang: 'en' as const, expected: 'SEK 605,000' },
  ])('money $value in $lang → $expected', ({ value, lang, expected }) => {
    expect(formatMoney(value, lang)).toBe(expected);
  });

  it.each([
    { value: 2_500_000, lang: 'sv' as const, expected: nb('2,5 mnkr') },
    { value: 12_000_000, lang: 'sv' as const, expected: nb('12 mnkr') },
    { value: 2_449_999, lang: 'sv' as const, expected: nb('2,4 mnkr') },
    { value: 1_250_000_000, lang: 'sv' as const, expected: nb('1 250 mnkr') },
    { value: 2_500_000, lang: 'en' as const, expected: 'SEK 2.5m' },
  ])('millions $value in $lang → $expected', ({ value, lang, expected }) => {
    expect(formatMillions(value, lang)).toBe(expected);
  });

  it.each([
    { value: 3.75, digits: 2, lang: 'sv' as const, expected: '3,75' },
    { value: 1000.5, digits: 1, lang: 'sv' as const, expected: nb('1 000,5') },
    { value: -0.01, digits: 1, lang: 'sv' as const, expected: '0,0' },
    { value: 1000.5, digits: 1, lang: 'en' as const, expected: '1,000.5' },
  ])('number $value ($digits decimals) in $lang → $expected', ({ value, digits, lang, expected }) => {
    expect(formatNumber(value, lang, digits)).toBe(expected);
  });
});

describe('dates and ISO weeks', () => {
  it.each([
    { date: new Date(2020, 9, 2), expected: '2020-10-02' },
    { date: new Date(2026, 0, 1), expected: '2026-01-01' },
    { date: new Date(1999, 11, 31, 23, 59), expected: '1999-12-31' },
  ])('$expected', ({ date, expected }) => {
    expect(formatIsoDate(date)).toBe(expected);
  });

  it.each([
    { date: new Date(2020, 9, 2), year: 2020, week: 40 },
    { date: new Date(2020, 9, 5), year: 2020, week: 41 },
    { date: new Date(2021, 0, 3), year: 2020, week: 53 }, // a Sunday in week 53 of 2020
    { date: new Date(2021, 0, 4), year: 2021, week: 1 },
    { date: new Date(2024, 11, 30), year: 2025, week: 1 }, // a Monday belonging to 2025
    { date: new Date(2026, 10, 29), year: 2026, week: 48 },
  ])('ISO week of $date → $year v. $week', ({ date, year, week }) => {
    expect(isoWeek(date)).toEqual({ year, week });
  });

  it.each([
    { date: new Date(2020, 9, 5), lang: 'sv' as const, expected: 'v.\u00a041' },
    { date: new Date(2020, 9, 5), lang: 'en' as const, expected: 'week 41' },
  ])('$lang → $expected', ({ date, lang, expected }) => {
    expect(formatWeek(date, lang)).toBe(expected);
  });

  it('dates a moment the Swedish way to the minute', () => {
    const iso = new Date(2020, 9, 2, 14, 5).toISOString();
    expect(formatDate(iso, 'sv')).toBe('2020-10-02 14:05');
    expect(formatDate('not a date', 'sv')).toBe('not a date');
  });
});

describe('due dates', () => {
  it.each([
    { text: '2020-10-02', lang: 'sv' as const, expected: '2020-10-02 (v.\u00a040)' },
    { text: '2020-10-05', lang: 'en' as const, expected: '2020-10-05 (week 41)' },
    { text: '2021-02-30', lang: 'sv' as const, expected: '2021-02-30' },
    { text: 'snart', lang: 'sv' as const, expected: 'snart' },
  ])('$text in $lang → $expected', ({ text, lang, expected }) => {
    expect(formatDueDate(text, lang)).toBe(expected);
  });

  it('reads only real calendar dates', () => {
    expect(parseIsoDate('2024-02-29')?.getDate()).toBe(29);
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2023-2-1')).toBeNull();
  });
});
