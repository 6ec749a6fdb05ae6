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
