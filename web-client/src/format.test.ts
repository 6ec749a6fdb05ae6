import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMean, formatMoment, formatPercent, meanAttribute, normaliseJoinCode } from './format';

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
