import type {
  Capability,
  ModeVotes,
  RatingAggregate,
  ResponsibilityMode,
  Round,
  RoundResult,
  WorkshopSnapshot,
} from './api/types';

/** What a participant's rating screen is in: free rating, an open round, or waiting for the facilitator. */
export type RatePhase =
  | { kind: 'free' }
  | { kind: 'open'; round: Round }
  | { kind: 'waiting'; last: Round | null };

export function openRound(snapshot: Pick<WorkshopSnapshot, 'rounds'>): Round | null {
  return snapshot.rounds.find((r) => r.state === 'open') ?? null;
}

/** The round with the highest number, open or not. */
export function latestRound(snapshot: Pick<WorkshopSnapshot, 'rounds'>): Round | null {
  let latest: Round | null = null;
  for (const r of snapshot.rounds) if (!latest || r.number > latest.number) latest = r;
  return latest;
}

export function ratePhase(snapshot: Pick<WorkshopSnapshot, 'rounds' | 'mode'>): RatePhase {
  const open = openRound(snapshot);
  if (open) return { kind: 'open', round: open };
  if (snapshot.mode === 'free' && snapshot.rounds.length === 0) return { kind: 'free' };
  return { kind: 'waiting', last: latestRound(snapshot) };
}

/** Which own ratings a phase reads and writes: free rating, or one round's. */
export function ratingContext(phase: RatePhase): string {
  return phase.kind === 'open' ? `round:${phase.round.id}` : phase.kind;
}

/** The key of an own rating, as GET my-ratings has it: `capabilityId` or `capabilityId/dimension`. */
export function ratingKey(capabilityId: string, dimension: string | null): string {
  return dimension ? `${capabilityId}/${dimension}` : capabilityId;
}

/** A round's visible result of one capability (and dimension); null while sealed or not yet rated. */
export function roundResult(round: Round, capabilityId: string, dimension: string | null): RatingAggregate | null {
  return round.results?.find((r) => r.capabilityId === capabilityId && r.dimension === dimension)?.rating ?? null;
}

/** The capabilities of a round, in model order. */
export function roundCapabilities(capabilities: readonly Capability[], round: Round): Capability[] {
  const ids = new Set(round.capabilityIds);
  return capabilities.filter((c) => ids.has(c.id));
}

/** Whole seconds until the deadline (never below 0); null without a deadline. */
export function secondsLeft(deadline: string | null, nowMs: number): number | null {
  if (!deadline) return null;
  const end = Date.parse(deadline);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - nowMs) / 1000));
}

/** A countdown as m:ss, or h:mm:ss from an hour on. */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A fingerprint of everything in a snapshot that changes the visible capability picture:
 * free ratings, round states and visible round results. Results are fetched again when it
 * changes, and not for joins, voter counts or responsibility votes.
 */
export function resultsSignature(snapshot: Pick<WorkshopSnapshot, 'capabilities' | 'rounds'>): string {
  const free = snapshot.capabilities.map((c) => `${c.id}:${c.rating.distribution.join(',')}`).join(';');
  const rounds = snapshot.rounds
    .map((r) => `${r.id}:${r.state}:${r.results ? r.results.map(resultPart).join(';') : '-'}`)
    .join('|');
  return `${free}#${rounds}`;
}

function resultPart(r: RoundResult): string {
  return `${r.capabilityId}/${r.dimension ?? ''}:${r.rating.distribution.join(',')}`;
}

export const MODE_KEYS: Record<ResponsibilityMode, keyof Omit<ModeVotes, 'agreed'>> = {
  OWN: 'own',
  COLLABORATION: 'collaboration',
  PROCUREMENT: 'procurement',
};

export function modeVotes(modes: ModeVotes, mode: ResponsibilityMode): number {
  return modes[MODE_KEYS[mode]];
}

export function totalModeVotes(modes: ModeVotes): number {
  return modes.own + modes.collaboration + modes.procurement;
}

/** The share of the votes a mode has, 0–1 (0 when nobody voted). */
export function modeShare(modes: ModeVotes, mode: ResponsibilityMode): number {
  const total = totalModeVotes(modes);
  return total === 0 ? 0 : modeVotes(modes, mode) / total;
}

/** Minutes typed by a facilitator as whole seconds within the server's 10 s – 24 h; null for none. */
export function timeLimitSeconds(minutes: string): number | null | 'invalid' {
  const text = minutes.trim().replace(',', '.');
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) return 'invalid';
  const seconds = Math.round(value * 60);
  return seconds < 10 || seconds > 86400 ? 'invalid' : seconds;
}
