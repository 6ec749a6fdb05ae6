import type { Lang } from '../i18n';

/** The two formats a meeting's minutes download in (docs/api.md, "Minutes"). */
export type MinutesFormat = 'md' | 'pdf';

/** The API path of a meeting's minutes, in the reader's language (Swedish is the default). */
export function minutesPath(workshopId: string, format: MinutesFormat, lang: Lang): string {
  return `/workshops/${encodeURIComponent(workshopId)}/meeting/minutes.${format}${lang === 'en' ? '?lang=en' : ''}`;
}

/** The file name the browser saves, as the server names it: protokoll-… in Swedish, minutes-… in English. */
export function minutesFileName(workshopId: string, format: MinutesFormat, lang: Lang): string {
  return `${lang === 'en' ? 'minutes' : 'protokoll'}-${workshopId}.${format}`;
}

/** How the server names an erased participant (docs/personal-data.md); shown in the reader's language. */
export const ERASED_NAME = 'Raderad deltagare';

export function isErased(displayName: string | null | undefined): boolean {
  return displayName === ERASED_NAME;
}
