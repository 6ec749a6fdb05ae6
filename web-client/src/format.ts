import type { Lang } from './i18n';

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

const meanFormats: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat(LOCALES.sv, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(LOCALES.en, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** A mean rating with one decimal in the language's style ("3,7" in Swedish); "–" for none. */
export function formatMean(mean: number | null, lang: Lang): string {
  return mean === null ? '–' : meanFormats[lang].format(mean);
}

/** A mean for machine readers (data attributes): a plain decimal point, empty for none. */
export function meanAttribute(mean: number | null): string {
  return mean === null ? '' : String(mean);
}

export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Join codes are matched case-insensitively; users type them with spaces and in lower case. */
export function normaliseJoinCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

const decimalFormats = new Map<string, Intl.NumberFormat>();

/** A figure with the given decimals in the language's style ("0,75" in Swedish); "–" for none. */
export function formatDecimal(value: number | null, lang: Lang, digits = 1): string {
  if (value === null) return '–';
  const key = `${lang}:${digits}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    decimalFormats.set(key, format);
  }
  return format.format(value);
}

const percentFormats: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat(LOCALES.sv, { style: 'percent', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(LOCALES.en, { style: 'percent', maximumFractionDigits: 0 }),
};

/** A share 0–1 as a whole percentage in the language's style ("75 %" in Swedish); "–" for none. */
export function formatPercent(value: number | null, lang: Lang): string {
  return value === null ? '–' : percentFormats[lang].format(value);
}

/** A moment to the second, as the audit trail shows it. */
export function formatMoment(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}
