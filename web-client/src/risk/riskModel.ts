import type { Risk, RiskEscalation, RiskLevel, RiskRegisterSnapshot, RiskState } from '../api/types';

/**
 * The level of a value by the pre-study's rule (1–6 low, 8–12 medium, 15–25 high), for the
 * matrix's cell colours and a form's preview only: a risk's own level always comes from the server.
 */
export function levelOf(value: number): RiskLevel {
  if (value <= 6) return 'LOW';
  return value <= 12 ? 'MEDIUM' : 'HIGH';
}

const STATE_ORDER: Record<RiskState, number> = { OPEN: 0, MITIGATED: 1, CLOSED: 2 };

/** The register as read in a meeting: open risks first, highest value first, then by number. */
export function sortRisks(risks: readonly Risk[]): Risk[] {
  return risks
    .slice()
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || b.value - a.value || a.sequence - b.sequence);
}

export const ALL = 'all';
/** The owner filter's value for risks without an owner. */
export const NO_OWNER = '';

export interface RiskFilter {
  level: RiskLevel | typeof ALL;
  state: RiskState | typeof ALL;
  owner: string;
}

export const NO_FILTER: RiskFilter = { level: ALL, state: ALL, owner: ALL };

export function filterRisks(risks: readonly Risk[], filter: RiskFilter): Risk[] {
  return risks.filter(
    (r) =>
      (filter.level === ALL || r.level === filter.level) &&
      (filter.state === ALL || r.state === filter.state) &&
      (filter.owner === ALL || (r.owner ?? NO_OWNER) === filter.owner),
  );
}

/** Every owner named in the register, sorted, for the owner filter. */
export function ownersOf(risks: readonly Risk[]): string[] {
  return [...new Set(risks.map((r) => r.owner).filter((o): o is string => o !== null))].sort((a, b) =>
    a.localeCompare(b, 'sv'),
  );
}

export const SCALE: readonly number[] = [1, 2, 3, 4, 5];

/** The risks in each cell of the 5 × 5 matrix, keyed `S-K`. */
export function matrixCells(risks: readonly Risk[]): Map<string, Risk[]> {
  const cells = new Map<string, Risk[]>();
  for (const risk of risks) {
    const key = `${risk.probability}-${risk.impact}`;
    cells.set(key, [...(cells.get(key) ?? []), risk]);
  }
  return cells;
}

/**
 * The escalations still to be shown: the risk is not closed and still at the level it rose
 * to, and this screen has not dismissed them; newest first, one per risk.
 */
export function activeEscalations(register: RiskRegisterSnapshot, dismissed: ReadonlySet<number>): RiskEscalation[] {
  const seen = new Set<string>();
  return register.escalations
    .slice()
    .sort((a, b) => b.version - a.version)
    .filter((e) => {
      if (seen.has(e.riskId)) return false;
      seen.add(e.riskId);
      const risk = register.risks.find((r) => r.id === e.riskId);
      return !dismissed.has(e.version) && risk !== undefined && risk.state !== 'CLOSED' && risk.level === e.level;
    });
}

export interface TrendPoint {
  version: number;
  value: number;
  level: RiskLevel;
}

/** Every assessment of a risk in order: the points of its trend. */
export function trendOf(risk: Risk): TrendPoint[] {
  return risk.history
    .filter((h) => (h.kind === 'registered' || h.kind === 'reassessed') && h.value !== null && h.level !== null)
    .map((h) => ({ version: h.version, value: h.value ?? 0, level: h.level ?? 'LOW' }));
}

/** A proposal for adopting a revealed estimate: the medians, rounded to the scale. */
export function suggestedAdoption(risk: Risk): { probability: number; impact: number } {
  const estimate = risk.estimate;
  if (!estimate || !estimate.probability || !estimate.impact) {
    return { probability: risk.probability, impact: risk.impact };
  }
  return { probability: Math.round(estimate.probability.median), impact: Math.round(estimate.impact.median) };
}
