import type { ReceivedRiskMessage, RiskRegisterSnapshot } from '../api/types';

export interface RiskApplyResult {
  state: RiskRegisterSnapshot;
  needsReload: boolean;
}

function byNumber(a: { id: string }, b: { id: string }): number {
  return Number(a.id.slice(1)) - Number(b.id.slice(1));
}

/** Replaces the element with the same id, or adds it, keeping the register's order. */
function upsert<T extends { id: string }>(items: readonly T[], item: T): T[] {
  return [...items.filter((i) => i.id !== item.id), item].sort(byNumber);
}

/**
 * Applies one message of the register's stream. As for workshops: versions rise by exactly
 * one per message, so an old one is ignored, the next one applied, and a gap means reload.
 * Each message carries the risk or proposal whole, so applying it is a replace by id.
 */
export function applyRiskMessage(state: RiskRegisterSnapshot, msg: ReceivedRiskMessage): RiskApplyResult {
  if (msg.version <= state.version) return { state, needsReload: false };
  if (msg.version > state.version + 1) return { state, needsReload: true };
  if (msg.type === 'unrecognised') return { state, needsReload: true };

  let next: RiskRegisterSnapshot = { ...state, version: msg.version };
  if (msg.risk) next = { ...next, risks: upsert(next.risks, msg.risk) };
  if (msg.proposal) next = { ...next, proposals: upsert(next.proposals, msg.proposal) };
  const escalation = msg.escalation;
  if (escalation && !next.escalations.some((e) => e.version === escalation.version)) {
    next = { ...next, escalations: [...next.escalations, escalation] };
  }
  return { state: next, needsReload: false };
}

export interface RiskApplyManyResult extends RiskApplyResult {
  pending: ReceivedRiskMessage[];
}

/** Applies buffered messages in version order, skipping known ones, stopping at a gap. */
export function applyRiskMessages(
  state: RiskRegisterSnapshot,
  messages: readonly ReceivedRiskMessage[],
): RiskApplyManyResult {
  const ordered = messages.slice().sort((a, b) => a.version - b.version);
  let current = state;
  for (let i = 0; i < ordered.length; i++) {
    const msg = ordered[i];
    if (!msg) continue;
    const result = applyRiskMessage(current, msg);
    if (result.needsReload) {
      return { state: current, needsReload: true, pending: newerThan(ordered.slice(i), current.version) };
    }
    current = result.state;
  }
  return { state: current, needsReload: false, pending: [] };
}

/** The snapshot wins unless it is older than what live messages already brought. */
export function adoptRiskSnapshot(
  current: RiskRegisterSnapshot | null,
  loaded: RiskRegisterSnapshot,
): RiskRegisterSnapshot {
  if (current && current.projectId === loaded.projectId && current.version > loaded.version) return current;
  return loaded;
}

function newerThan(messages: readonly ReceivedRiskMessage[], version: number): ReceivedRiskMessage[] {
  const seen = new Set<number>();
  return messages.filter((m) => m.version > version && !seen.has(m.version) && seen.add(m.version));
}

export const riskReconciler = {
  applyMessage: applyRiskMessage,
  applyMessages: applyRiskMessages,
  adoptSnapshot: adoptRiskSnapshot,
};
