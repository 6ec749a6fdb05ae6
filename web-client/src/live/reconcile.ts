import type { ReceivedMessage, WorkshopSnapshot } from '../api/types';

/**
 * The result of offering a live message to the state. `needsReload` means the state can no
 * longer be trusted to be complete (a gap, or a change this client cannot apply) and the
 * snapshot must be fetched again; `state` is then unchanged.
 */
export interface ApplyResult {
  state: WorkshopSnapshot;
  needsReload: boolean;
}

/**
 * Applies one live message. Versions of a workshop grow by exactly one per message, so a
 * message at or below the state's version is a duplicate or old and is ignored, the next
 * version is applied, and anything further ahead means messages were missed.
 */
export function applyMessage(state: WorkshopSnapshot, msg: ReceivedMessage): ApplyResult {
  if (msg.version <= state.version) return { state, needsReload: false };
  if (msg.version > state.version + 1) return { state, needsReload: true };

  switch (msg.type) {
    case 'participant.joined':
      return {
        state: { ...state, version: msg.version, participantCount: msg.participantCount },
        needsReload: false,
      };
    case 'capability.rated': {
      const index = state.capabilities.findIndex((c) => c.id === msg.capabilityId);
      // A capability the snapshot does not know means the model changed under us.
      if (index < 0) return { state, needsReload: true };
      const capabilities = state.capabilities.slice();
      const capability = capabilities[index];
      if (capability) capabilities[index] = { ...capability, rating: msg.rating };
      return { state: { ...state, version: msg.version, capabilities }, needsReload: false };
    }
    case 'unrecognised':
      return { state, needsReload: true };
  }
}

export interface ApplyManyResult extends ApplyResult {
  /** Messages newer than the resulting state, kept for after the next snapshot. */
  pending: ReceivedMessage[];
}

/**
 * Applies messages that may be out of order or repeated (e.g. buffered while a snapshot was
 * loading): in version order, skipping those the state already includes, stopping at a gap.
 */
export function applyMessages(state: WorkshopSnapshot, messages: readonly ReceivedMessage[]): ApplyManyResult {
  const ordered = messages.slice().sort((a, b) => a.version - b.version);
  let current = state;
  for (let i = 0; i < ordered.length; i++) {
    const msg = ordered[i];
    if (!msg) continue;
    const result = applyMessage(current, msg);
    if (result.needsReload) {
      return { state: current, needsReload: true, pending: keepNewer(ordered.slice(i), current.version) };
    }
    current = result.state;
  }
  return { state: current, needsReload: false, pending: [] };
}

/**
 * Chooses between the state held and a freshly loaded snapshot: the snapshot wins unless it
 * is older than what live messages already brought (a read that raced with a message).
 */
export function adoptSnapshot(current: WorkshopSnapshot | null, loaded: WorkshopSnapshot): WorkshopSnapshot {
  if (current && current.id === loaded.id && current.version > loaded.version) return current;
  return loaded;
}

/** The messages that are still news to a state of the given version, without duplicates. */
export function keepNewer(messages: readonly ReceivedMessage[], version: number): ReceivedMessage[] {
  const seen = new Set<number>();
  const result: ReceivedMessage[] = [];
  for (const msg of messages) {
    if (msg.version > version && !seen.has(msg.version)) {
      seen.add(msg.version);
      result.push(msg);
    }
  }
  return result;
}
