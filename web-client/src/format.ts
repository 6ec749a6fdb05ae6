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

/** A moment to the minute: "2020-10-02 14:05" in Swedish, the English medium style otherwise. */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (lang === 'sv') return `${formatIsoDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
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

// Swedish formats by hand, so that they do not depend on the browser's locale data:
// a no-break space groups thousands, a comma marks decimals, a minus sign (U+2212) negatives.
const NBSP = '\u00a0';

function groupDigits(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** A number with the given decimals in Swedish ("605 000", "2,5") or English ("605,000", "2.5") style. */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split('.');
  const negative = value < 0 && Number(fixed) !== 0;
  if (lang === 'sv') {
    const body = groupDigits(whole ?? '0') + (fraction ? `,${fraction}` : '');
    return (negative ? '\u2212' : '') + body;
  }
  const body = (whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  return (negative ? '-' : '') + body;
}

/** Whole kronor: "605 000 kr" in Swedish, "SEK 605,000" in English. */
export function formatMoney(kronor: number, lang: Lang): string {
  const amount = formatNumber(Math.round(kronor), lang, 0);
  return lang === 'sv' ? `${amount}${NBSP}kr` : `SEK ${amount}`;
}

/** Millions of kronor with at most one decimal: "2,5 mnkr", "12 mnkr" in Swedish, "SEK 2.5m" in English. */
export function formatMillions(kronor: number, lang: Lang): string {
  const millions = Math.round(kronor / 100_000) / 10;
  const amount = formatNumber(millions, lang, Number.isInteger(millions) ? 0 : 1);
  return lang === 'sv' ? `${amount}${NBSP}mnkr` : `SEK ${amount}m`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A calendar date as ISO 8601, the Swedish way in both languages: "2020-10-02" (local time). */
export function formatIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The ISO 8601 week number of a date (local time): weeks start on Monday, week 1 holds the first Thursday. */
export function isoWeek(date: Date): { year: number; week: number } {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = day.getUTCFullYear();
  const firstOfYear = Date.UTC(year, 0, 1);
  const week = Math.ceil(((day.getTime() - firstOfYear) / 86_400_000 + 1) / 7);
  return { year, week };
}

/** An ISO week as written in Swedish, "v. 41", or in English, "week 41". */
export function formatWeek(date: Date, lang: Lang): string {
  const { week } = isoWeek(date);
  return lang === 'sv' ? `v.${NBSP}${week}` : `week ${week}`;
}

/** A calendar date "2020-10-02" as a local date, or null when it is not one. */
export function parseIsoDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/** A due date with its ISO week, as plans are talked about: "2020-10-02 (v. 40)"; as given when not a date. */
export function formatDueDate(text: string, lang: Lang): string {
  const date = parseIsoDate(text);
  return date ? `${formatIsoDate(date)} (${formatWeek(date, lang)})` : text;
}
