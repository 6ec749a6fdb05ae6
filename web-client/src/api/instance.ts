import { clearSession } from '../session';
import { hrefs, navigate } from '../router';
import { ApiError, createApiClient } from './client';
import type { MessageKey, MessageParams } from '../i18n';

/** The app's API client: a rejected token is forgotten and its owner sent to sign in again. */
export const api = createApiClient({
  onUnauthorized(kind) {
    clearSession(kind);
    navigate(kind === 'facilitator' ? hrefs.login() : hrefs.start());
  },
});

type T = (key: MessageKey, params?: MessageParams) => string;

/** What to tell a user about a failed request: the server's own words where it gave some. */
export function errorText(error: unknown, t: T): string {
  if (!(error instanceof ApiError)) return t('error.generic', { status: '?' });
  if (error.status === 0) return t('error.network');
  if (error.detail) return error.detail;
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  return t('error.generic', { status: error.status });
}
