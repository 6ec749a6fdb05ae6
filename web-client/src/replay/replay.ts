/** A slider position as a version the workshop has: whole, from 0 to the latest. */
export function clampVersion(value: number, latest: number): number {
  if (!Number.isFinite(value) || latest < 0) return 0;
  return Math.min(Math.max(0, Math.round(value)), latest);
}

/** One step back or forward from a version, staying within the workshop's versions. */
export function stepVersion(version: number, delta: number, latest: number): number {
  return clampVersion(version + delta, latest);
}
