import type {
  CapabilityResult,
  CostKind,
  LocalizedText,
  MyBallot,
  RatingAggregate,
  Results,
  Scenario,
  ScenarioTally,
  ScenarioVote,
  WorkshopSnapshot,
} from './api/types';
import type { Lang } from './i18n';

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

function decimal(value: number, lang: Lang, digits: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value).replace(/\u00a0/g, ' ');
}

/**
 * A cost as the pre-study writes it: "2,5 mnkr", "250 tkr", "900 kr" in Swedish,
 * "SEK 2.5m", "SEK 250k", "SEK 900" in English; "/år" or "/year" for a yearly cost.
 */
export function formatCost(costSek: number, kind: CostKind, lang: Lang): string {
  let amount: string;
  if (costSek >= 1_000_000) {
    const m = decimal(costSek / 1_000_000, lang, 2);
    amount = lang === 'sv' ? `${m} mnkr` : `SEK ${m}m`;
  } else if (costSek >= 1_000) {
    const k = decimal(costSek / 1_000, lang, 1);
    amount = lang === 'sv' ? `${k} tkr` : `SEK ${k}k`;
  } else {
    amount = lang === 'sv' ? `${decimal(costSek, lang, 0)} kr` : `SEK ${decimal(costSek, lang, 0)}`;
  }
  if (kind === 'PER_YEAR') return amount + (lang === 'sv' ? '/år' : '/year');
  return amount;
}

/** A duration in whole years where it is one ("1 år", "2 years"), else in months ("18 mån"). */
export function formatDuration(months: number, lang: Lang): string {
  if (months > 0 && months % 12 === 0) {
    const years = months / 12;
    if (lang === 'sv') return `${years} år`;
    return years === 1 ? '1 year' : `${years} years`;
  }
  if (lang === 'sv') return `${months} mån`;
  return months === 1 ? '1 month' : `${months} months`;
}

export type CostUnit = 'kr' | 'tkr' | 'mnkr';
const UNIT_FACTOR: Record<CostUnit, number> = { kr: 1, tkr: 1_000, mnkr: 1_000_000 };

/**
 * A typed amount ("2,5", "2.5", "1 200") in a unit as whole kronor; null for anything that is
 * not a non-negative number.
 */
export function parseCost(text: string, unit: CostUnit): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * UNIT_FACTOR[unit]);
}

/** The unit and typed amount a cost is best edited in: 2 500 000 → "2.5" mnkr (as typed back). */
export function costInput(costSek: number, lang: Lang): { amount: string; unit: CostUnit } {
  const unit: CostUnit = costSek >= 1_000_000 ? 'mnkr' : costSek >= 1_000 ? 'tkr' : 'kr';
  const value = costSek / UNIT_FACTOR[unit];
  const text = String(Math.round(value * 1000) / 1000);
  return { amount: lang === 'sv' ? text.replace('.', ',') : text, unit };
}

/** A scenario id from its name: letters and digits with '-', unique among the taken ids. */
export function scenarioIdFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'scenario';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** How many dots a ballot has placed in all. */
export function dotsPlaced(dots: Readonly<Record<string, number>>): number {
  return Object.values(dots).reduce((sum, n) => sum + n, 0);
}

/** How many dots are still to place; never below zero. */
export function dotsRemaining(dots: Readonly<Record<string, number>>, allowance: number): number {
  return Math.max(0, allowance - dotsPlaced(dots));
}

/**
 * The dots with one scenario's count changed by `delta`, kept within 0 and what the allowance
 * leaves: a step that would exceed it changes nothing.
 */
export function stepDots(
  dots: Readonly<Record<string, number>>,
  scenarioId: string,
  delta: number,
  allowance: number,
): Record<string, number> {
  const current = dots[scenarioId] ?? 0;
  const next = Math.max(0, current + delta);
  const others = dotsPlaced(dots) - current;
  if (others + next > allowance) return { ...dots };
  const result = { ...dots, [scenarioId]: next };
  if (next === 0) delete result[scenarioId];
  return result;
}

/** A ranking with the entry at `index` moved by `delta` places; out-of-range moves change nothing. */
export function moveInRanking(ranking: readonly string[], index: number, delta: number): string[] {
  const target = index + delta;
  const result = ranking.slice();
  if (index < 0 || index >= ranking.length || target < 0 || target >= ranking.length) return result;
  const [moved] = result.splice(index, 1);
  if (moved !== undefined) result.splice(target, 0, moved);
  return result;
}

/**
 * The ranking to start from: the participant's kept ballot when it ranks exactly the vote's
 * scenarios, else the scenarios in the vote's order.
 */
export function startingRanking(scenarioIds: readonly string[], ballot: MyBallot | null): string[] {
  const kept = ballot?.ranking;
  if (kept && kept.length === scenarioIds.length && scenarioIds.every((id) => kept.includes(id))) return kept.slice();
  return scenarioIds.slice();
}

/** The dots to start from: the kept ballot's, limited to the vote's scenarios. */
export function startingDots(scenarioIds: readonly string[], ballot: MyBallot | null): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [id, n] of Object.entries(ballot?.dots ?? {})) {
    if (scenarioIds.includes(id) && n > 0) result[id] = n;
  }
  return result;
}

/** The vote that matters now: the open one, else the latest. */
export function currentScenarioVote(snapshot: Pick<WorkshopSnapshot, 'scenarioVotes'>): ScenarioVote | null {
  const votes = snapshot.scenarioVotes;
  return votes.find((v) => v.state === 'open') ?? votes[votes.length - 1] ?? null;
}

export interface ComparedCapability {
  id: string;
  name: LocalizedText;
  rating: RatingAggregate | null;
}

export interface ComparedScenario {
  scenario: Scenario;
  tally: ScenarioTally | null;
  /** 1 for the scenario with the most dots (or points); ties share a place. null before results. */
  place: number | null;
  capabilities: ComparedCapability[];
}

/** The score a vote ranks by: dots, or Borda points of a ranking. */
export function score(tally: ScenarioTally, method: ScenarioVote['method']): number {
  return method === 'DOTS' ? tally.dots : tally.points;
}

/**
 * Scenarios side by side for the comparison view: each with its tally in the vote (when it
 * has results), its place, and the capabilities it strengthens with their current ratings.
 */
export function compareScenarios(
  scenarios: readonly Scenario[],
  vote: ScenarioVote | null,
  results: Results | null,
  capabilities: WorkshopSnapshot['capabilities'],
): ComparedScenario[] {
  const byId = new Map<string, CapabilityResult>((results?.capabilities ?? []).map((c) => [c.capabilityId, c]));
  const inVote = vote ? scenarios.filter((s) => vote.scenarioIds.includes(s.id)) : scenarios.slice();
  const tallies = vote?.results ?? null;
  const scores = tallies && vote ? tallies.map((t) => score(t, vote.method)) : [];
  return inVote.map((scenario) => {
    const tally = tallies?.find((t) => t.scenarioId === scenario.id) ?? null;
    const mine = tally && vote ? score(tally, vote.method) : null;
    return {
      scenario,
      tally,
      place: mine === null ? null : 1 + scores.filter((s) => s > mine).length,
      capabilities: scenario.capabilityIds.map((id) => {
        const result = byId.get(id);
        const known = capabilities.find((c) => c.id === id);
        return {
          id,
          name: result?.name ?? known?.name ?? { sv: id, en: id },
          rating: result && result.region.count > 0 ? result.region : null,
        };
      }),
    };
  });
}

export interface ResultsDelta {
  capabilityId: string;
  name: LocalizedText;
  parentId: string | null;
  left: RatingAggregate | null;
  right: RatingAggregate | null;
  /** right mean − left mean, when both have one. */
  change: number | null;
}

/** Two capability pictures side by side, capability by capability, in the left's order then the right's. */
export function compareResults(left: Results, right: Results): ResultsDelta[] {
  const rows: ResultsDelta[] = [];
  const seen = new Set<string>();
  const rightById = new Map(right.capabilities.map((c) => [c.capabilityId, c]));
  const rated = (r: RatingAggregate | undefined) => (r && r.count > 0 ? r : null);
  for (const c of [...left.capabilities, ...right.capabilities]) {
    if (seen.has(c.capabilityId)) continue;
    seen.add(c.capabilityId);
    const l = rated(left.capabilities.find((x) => x.capabilityId === c.capabilityId)?.region);
    const r = rated(rightById.get(c.capabilityId)?.region);
    if (!l && !r) continue;
    const change = l?.mean != null && r?.mean != null ? Math.round((r.mean - l.mean) * 100) / 100 : null;
    rows.push({ capabilityId: c.capabilityId, name: c.name, parentId: c.parentId, left: l, right: r, change });
  }
  return rows;
}

/** What a file the facilitator picked holds: a capability model, or why it cannot be one. */
export function parseModelFile(text: string): { model: unknown } | { error: 'json' | 'shape' } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'shape' };
  const categories = (value as { categories?: unknown }).categories;
  if (!Array.isArray(categories) || categories.length === 0) return { error: 'shape' };
  return { model: value };
}
