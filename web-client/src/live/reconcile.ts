import type {
  Capability,
  ReceivedMessage,
  Round,
  RoundResult,
  WorkshopChangesMessage,
  WorkshopSnapshot,
} from '../api/types';

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
  // A conflated push spans versions since..version: any state within that span takes it.
  if (msg.type === 'workshop.changes') return applyChanges(state, msg);
  if (msg.version > state.version + 1) return { state, needsReload: true };

  const reload = { state, needsReload: true };
  const next = (change: Partial<WorkshopSnapshot>): ApplyResult => ({
    state: { ...state, ...change, version: msg.version },
    needsReload: false,
  });

  switch (msg.type) {
    case 'participant.joined':
    case 'participant.removed':
      return next({ participantCount: msg.participantCount });
    case 'capability.rated': {
      // A capability the snapshot does not know means the model changed under us.
      const capabilities = withCapability(state.capabilities, msg.capabilityId, (c) => ({ ...c, rating: msg.rating }));
      return capabilities ? next({ capabilities }) : reload;
    }
    case 'responsibility.changed': {
      const capabilities = withCapability(state.capabilities, msg.capabilityId, (c) => ({ ...c, modes: msg.modes }));
      return capabilities ? next({ capabilities }) : reload;
    }
    case 'round.opened': {
      const rounds = state.rounds.filter((r) => r.id !== msg.round.id);
      rounds.push(msg.round);
      rounds.sort((a, b) => a.number - b.number);
      return next({ rounds, mode: 'rounds' });
    }
    case 'round.progress': {
      const rounds = withRound(state.rounds, msg.roundId, (r) => ({ ...r, voterCount: msg.voterCount }));
      return rounds ? next({ rounds }) : reload;
    }
    case 'round.rated': {
      const rounds = withRound(state.rounds, msg.roundId, (r) => ({
        ...r,
        voterCount: msg.voterCount,
        results: withResult(r.results ?? [], { capabilityId: msg.capabilityId, dimension: msg.dimension, rating: msg.rating }),
      }));
      return rounds ? next({ rounds }) : reload;
    }
    case 'round.closed': {
      const rounds = withRound(state.rounds, msg.roundId, (r) => ({
        ...r,
        state: r.state === 'revealed' ? r.state : 'closed',
        timedOut: msg.timedOut,
      }));
      return rounds ? next({ rounds }) : reload;
    }
    case 'round.revealed': {
      const rounds = withRound(state.rounds, msg.roundId, (r) => ({ ...r, state: 'revealed', results: msg.results }));
      return rounds ? next({ rounds }) : reload;
    }
    case 'scenario.defined': {
      const scenarios = state.scenarios.filter((x) => x.id !== msg.scenario.id);
      const index = state.scenarios.findIndex((x) => x.id === msg.scenario.id);
      if (index < 0) scenarios.push(msg.scenario);
      else scenarios.splice(index, 0, msg.scenario);
      return next({ scenarios });
    }
    case 'scenario-vote.changed': {
      const index = state.scenarioVotes.findIndex((v) => v.id === msg.vote.id);
      const scenarioVotes = state.scenarioVotes.slice();
      if (index < 0) scenarioVotes.push(msg.vote);
      else scenarioVotes[index] = msg.vote;
      return next({ scenarioVotes });
    }
    case 'unrecognised':
      return reload;
  }
}

/**
 * Takes the latest state of what several conflated changes touched. Something this state does
 * not know (a capability, round or vote) means a structural change was missed: reload.
 */
function applyChanges(state: WorkshopSnapshot, msg: WorkshopChangesMessage): ApplyResult {
  const reload = { state, needsReload: true };
  if (state.version < msg.since) return reload;
  let capabilities: Capability[] | null = state.capabilities.slice();
  for (const changed of msg.capabilities) {
    capabilities = capabilities && withCapability(capabilities, changed.id, (c) => ({ ...c, rating: changed.rating, modes: changed.modes }));
  }
  let rounds: Round[] | null = state.rounds.slice();
  for (const changed of msg.rounds) {
    rounds = rounds && withRound(rounds, changed.id, () => changed);
  }
  const scenarioVotes = state.scenarioVotes.slice();
  for (const changed of msg.scenarioVotes) {
    const index = scenarioVotes.findIndex((v) => v.id === changed.id);
    if (index < 0) return reload;
    scenarioVotes[index] = changed;
  }
  if (!capabilities || !rounds) return reload;
  return {
    state: { ...state, participantCount: msg.participantCount, capabilities, rounds, scenarioVotes, version: msg.version },
    needsReload: false,
  };
}

/** The capabilities with one changed; null when there is no such capability. */
function withCapability(
  capabilities: readonly Capability[],
  id: string,
  change: (c: Capability) => Capability,
): Capability[] | null {
  const index = capabilities.findIndex((c) => c.id === id);
  if (index < 0) return null;
  const result = capabilities.slice();
  result[index] = change(capabilities[index] as Capability);
  return result;
}

/** The rounds with one changed; null when there is no such round (a round.opened was missed). */
function withRound(rounds: readonly Round[], id: string, change: (r: Round) => Round): Round[] | null {
  const index = rounds.findIndex((r) => r.id === id);
  if (index < 0) return null;
  const result = rounds.slice();
  result[index] = change(rounds[index] as Round);
  return result;
}

/** A round's results with the entry of one capability and dimension put in or replaced. */
function withResult(results: readonly RoundResult[], entry: RoundResult): RoundResult[] {
  const index = results.findIndex((r) => r.capabilityId === entry.capabilityId && r.dimension === entry.dimension);
  const next = results.slice();
  if (index < 0) next.push(entry);
  else next[index] = entry;
  return next;
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
