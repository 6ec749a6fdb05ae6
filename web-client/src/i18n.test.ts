import { describe, expect, it } from 'vitest';
import { LANGS, messages, translate } from './i18n';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('messages', () => {
  const [first, ...others] = LANGS;

  it.each(others.map((lang) => ({ lang })))('$lang has exactly the keys of the first language', ({ lang }) => {
    if (!first) throw new Error('no languages');
    const expected = Object.keys(messages[first]).sort();
    const actual = Object.keys(messages[lang]).sort();
    expect(actual.filter((k) => !expected.includes(k)), `keys only in ${lang}`).toEqual([]);
    expect(expected.filter((k) => !actual.includes(k)), `keys missing in ${lang}`).toEqual([]);
  });

  it.each(LANGS.map((lang) => ({ lang })))('$lang has no empty texts', ({ lang }) => {
    const empty = Object.entries(messages[lang]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    if (!first) throw new Error('no languages');
    const mismatched = Object.entries(messages[first]).flatMap(([key, text]) =>
      others
        .filter((lang) => {
          const other = Object.entries(messages[lang]).find(([k]) => k === key)?.[1] ?? '';
          return placeholders(other).join() !== placeholders(text).join();
        })
        .map((lang) => `${lang}:${key}`),
    );
    expect(mismatched).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('sv', 'rate.aggregate', { count: 3, mean: '3,7' })).toBe('Svar: 3 · medel 3,7');
    expect(translate('en', 'rate.aggregate', { count: 3, mean: '3.7' })).toBe('Ratings: 3 · mean 3.7');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(translate('en', 'dash.ratings')).toBe('Ratings: {count}');
  });
});
