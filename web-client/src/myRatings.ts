import type { Score } from './api/types';

export type RatingState = 'none' | 'pending' | 'saved' | 'error';

/**
 * One capability's own rating as the participant sees it. Requests for one capability are
 * sent one at a time: a choice made while one is under way is queued, and only the latest
 * queued choice is sent, so the server ends up with the last choice whatever the network does.
 */
export interface RatingEntry {
  /** The score the radio group shows. */
  shown: Score | null;
  /** The score the server has confirmed. */
  confirmed: Score | null;
  inFlight: Score | null;
  queued: Score | null;
  error: string | null;
}

export interface Step {
  entry: RatingEntry;
  /** A score to PUT now, if any. */
  send: Score | null;
}

export const EMPTY_ENTRY: RatingEntry = { shown: null, confirmed: null, inFlight: null, queued: null, error: null };

export function loadedEntry(score: Score | null): RatingEntry {
  return { ...EMPTY_ENTRY, shown: score, confirmed: score };
}

export function ratingState(entry: RatingEntry): RatingState {
  if (entry.inFlight !== null || entry.queued !== null) return 'pending';
  if (entry.error !== null) return 'error';
  return entry.confirmed === null ? 'none' : 'saved';
}

export function select(entry: RatingEntry, score: Score): Step {
  if (entry.inFlight !== null) {
    return { entry: { ...entry, shown: score, queued: score, error: null }, send: null };
  }
  return { entry: { ...entry, shown: score, inFlight: score, error: null }, send: score };
}

export function succeeded(entry: RatingEntry, score: Score): Step {
  const settled = { ...entry, confirmed: score, inFlight: null, queued: null, error: null };
  if (entry.queued !== null && entry.queued !== score) {
    return { entry: { ...settled, inFlight: entry.queued }, send: entry.queued };
  }
  return { entry: { ...settled, shown: score }, send: null };
}

export function failed(entry: RatingEntry, detail: string): Step {
  if (entry.queued !== null) {
    // The later choice is what the participant wants now; it gets its own chance.
    return { entry: { ...entry, inFlight: entry.queued, queued: null }, send: entry.queued };
  }
  return { entry: { ...entry, shown: entry.confirmed, inFlight: null, error: detail }, send: null };
}

export function isScore(value: unknown): value is Score {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/**
 * Whether a failed send is worth sending again unchanged (same Idempotency-Key): the server
 * was not reached (offline, reconnecting), was unavailable, or asked the client to slow down.
 * The choice then stays pending and is sent again when the network is back.
 */
export function isTransientFailure(status: number, problemType?: string | null): boolean {
  if (status === 409) return (problemType ?? '').endsWith('/request-in-progress');
  return status === 0 || status === 408 || status === 429 || status === 502 || status === 503 || status === 504;
}

/** The server applied the send but lost its answer (it died in between): as good as confirmed. */
export function isAlreadyApplied(status: number, problemType?: string | null): boolean {
  return status === 409 && (problemType ?? '').endsWith('/already-applied');
}

/** Waits between resends: 1, 2, 4, 8, then every 15 seconds. */
export function resendDelayMillis(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt), 15_000);
}

/** A fresh key for one send of one choice; its resends reuse it. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
