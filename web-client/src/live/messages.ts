import type {
  ModeVotes,
  RatingAggregate,
  RatingMode,
  ReceivedMessage,
  ResponsibilityMode,
  Round,
  RoundResult,
  RoundState,
  Scenario,
  ScenarioTally,
  ScenarioVote,
  ScopeKind,
  WorkshopChangesMessage,
} from '../api/types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function numberOrNull(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : undefined;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A rating figure; median, spread and agreement are taken as null when absent. */
export function asRating(value: unknown): RatingAggregate | null {
  if (!isObject(value)) return null;
  const { count, distribution } = value;
  if (!isWholeNumber(count)) return null;
  const mean = numberOrNull(value.mean);
  const median = numberOrNull(value.median);
  const stddev = numberOrNull(value.stddev);
  const agreement = numberOrNull(value.agreement);
  if (mean === undefined || median === undefined || stddev === undefined || agreement === undefined) return null;
  if (!Array.isArray(distribution) || distribution.length !== 5 || !distribution.every(isWholeNumber)) {
    return null;
  }
  return { count, mean, median, stddev, agreement, distribution: distribution.slice() };
}

const MODES: readonly string[] = ['OWN', 'COLLABORATION', 'PROCUREMENT'];
const SCOPES: readonly string[] = ['ALL', 'CATEGORY', 'SUBTREE', 'CAPABILITY'];
const STATES: readonly string[] = ['open', 'closed', 'revealed'];

function asModes(value: unknown): ModeVotes | null {
  if (!isObject(value)) return null;
  const { own, collaboration, procurement, agreed } = value;
  if (!isWholeNumber(own) || !isWholeNumber(collaboration) || !isWholeNumber(procurement)) return null;
  if (agreed !== null && agreed !== undefined && !(typeof agreed === 'string' && MODES.includes(agreed))) return null;
  return { own, collaboration, procurement, agreed: (agreed ?? null) as ResponsibilityMode | null };
}

function asResults(value: unknown): RoundResult[] | null {
  if (!Array.isArray(value)) return null;
  const results: RoundResult[] = [];
  for (const item of value) {
    if (!isObject(item) || typeof item.capabilityId !== 'string') return null;
    const rating = asRating(item.rating);
    if (!rating) return null;
    results.push({ capabilityId: item.capabilityId, dimension: stringOrNull(item.dimension), rating });
  }
  return results;
}

/** A round as the snapshot and round.opened carry it. */
export function asRound(value: unknown): Round | null {
  if (!isObject(value)) return null;
  const { id, number, scope, capabilityIds, ratingMode, state, voterCount } = value;
  if (typeof id !== 'string' || !isWholeNumber(number) || !isWholeNumber(voterCount)) return null;
  if (!isObject(scope) || typeof scope.kind !== 'string' || !SCOPES.includes(scope.kind)) return null;
  if (!Array.isArray(capabilityIds) || !capabilityIds.every((c) => typeof c === 'string')) return null;
  if (ratingMode !== 'OVERALL' && ratingMode !== 'PER_DIMENSION') return null;
  if (typeof state !== 'string' || !STATES.includes(state)) return null;
  let results: RoundResult[] | null = null;
  if (value.results !== null && value.results !== undefined) {
    results = asResults(value.results);
    if (!results) return null;
  }
  return {
    id,
    number,
    scope: { kind: scope.kind as ScopeKind, target: stringOrNull(scope.target) },
    capabilityIds: capabilityIds.slice() as string[],
    ratingMode: ratingMode as RatingMode,
    anonymous: value.anonymous === true,
    sealed: value.sealed === true,
    state: state as RoundState,
    timedOut: value.timedOut === true,
    openedAt: stringOrNull(value.openedAt),
    deadline: stringOrNull(value.deadline),
    closedAt: stringOrNull(value.closedAt),
    revealedAt: stringOrNull(value.revealedAt),
    voterCount,
    results,
  };
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** A scenario as the snapshot and scenario.defined carry it; its id may be a plain string or `{ value }`. */
export function asScenario(value: unknown): Scenario | null {
  if (!isObject(value)) return null;
  const rawId = isObject(value.id) ? value.id.value : value.id;
  const { name, costSek, costKind, durationMonths, priority } = value;
  if (typeof rawId !== 'string' || typeof name !== 'string') return null;
  if (!isWholeNumber(costSek) || !isWholeNumber(durationMonths)) return null;
  if (costKind !== 'ONE_OFF' && costKind !== 'PER_YEAR') return null;
  if (priority !== 'HIGH' && priority !== 'MEDIUM' && priority !== 'LOW') return null;
  const capabilityIds = value.capabilityIds ?? [];
  if (!isStringList(capabilityIds)) return null;
  return {
    id: rawId,
    name,
    description: typeof value.description === 'string' ? value.description : '',
    capabilityIds: capabilityIds.slice(),
    costSek,
    costKind,
    durationMonths,
    priority,
  };
}

/** A scenario vote as the snapshot and scenario-vote.changed carry it. */
export function asScenarioVote(value: unknown): ScenarioVote | null {
  if (!isObject(value)) return null;
  const { id, method, dotsPerPerson, scenarioIds, state, voterCount } = value;
  if (typeof id !== 'string' || (method !== 'DOTS' && method !== 'RANK')) return null;
  if (!isWholeNumber(dotsPerPerson) || !isWholeNumber(voterCount) || !isStringList(scenarioIds)) return null;
  if (typeof state !== 'string' || !STATES.includes(state)) return null;
  let results: ScenarioTally[] | null = null;
  if (value.results !== null && value.results !== undefined) {
    if (!Array.isArray(value.results)) return null;
    results = [];
    for (const item of value.results) {
      if (!isObject(item) || typeof item.scenarioId !== 'string') return null;
      const { dots, points, firstPlaces } = item;
      if (!isWholeNumber(dots) || !isWholeNumber(points) || !isWholeNumber(firstPlaces)) return null;
      results.push({ scenarioId: item.scenarioId, dots, points, firstPlaces });
    }
  }
  return {
    id,
    method,
    dotsPerPerson,
    sealed: value.sealed === true,
    scenarioIds: scenarioIds.slice(),
    state: state as RoundState,
    voterCount,
    results,
  };
}

/** The parts of a conflated workshop.changes message; null when any is malformed. */
function asChanges(value: Json): Pick<WorkshopChangesMessage, 'participantCount' | 'capabilities' | 'rounds' | 'scenarioVotes'> | null {
  const { participantCount, capabilities, rounds, scenarioVotes } = value;
  if (!isWholeNumber(participantCount) || !Array.isArray(capabilities) || !Array.isArray(rounds)) return null;
  if (!Array.isArray(scenarioVotes)) return null;
  const parsedCapabilities: Array<{ id: string; rating: RatingAggregate; modes: ModeVotes }> = [];
  for (const item of capabilities) {
    if (!isObject(item) || typeof item.id !== 'string') return null;
    const rating = asRating(item.rating);
    const modes = asModes(item.modes);
    if (!rating || !modes) return null;
    parsedCapabilities.push({ id: item.id, rating, modes });
  }
  const parsedRounds: Round[] = [];
  for (const item of rounds) {
    const round = asRound(item);
    if (!round) return null;
    parsedRounds.push(round);
  }
  const parsedVotes: ScenarioVote[] = [];
  for (const item of scenarioVotes) {
    const vote = asScenarioVote(item);
    if (!vote) return null;
    parsedVotes.push(vote);
  }
  return { participantCount, capabilities: parsedCapabilities, rounds: parsedRounds, scenarioVotes: parsedVotes };
}

/**
 * Reads one live message body. Returns null for anything that is not a message at all
 * (bad JSON, no whole-number version); a message of an unknown type, or a known type with
 * a malformed body, comes back as `unrecognised` so that its version is not lost.
 */
export function parseLiveMessage(body: string): ReceivedMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isObject(value) || !isWholeNumber(value.version) || typeof value.type !== 'string') return null;
  const { type, version } = value;

  switch (type) {
    case 'participant.joined': {
      const { participantCount, participant } = value;
      if (isWholeNumber(participantCount) && isObject(participant) && typeof participant.id === 'string') {
        return {
          type,
          version,
          participantCount,
          participant: {
            id: participant.id,
            displayName: typeof participant.displayName === 'string' ? participant.displayName : '',
            organisation: typeof participant.organisation === 'string' ? participant.organisation : null,
          },
        };
      }
      break;
    }
    case 'participant.removed': {
      const { participantCount, participantId } = value;
      if (isWholeNumber(participantCount) && typeof participantId === 'string') {
        return { type, version, participantCount, participantId };
      }
      break;
    }
    case 'capability.rated': {
      const rating = asRating(value.rating);
      if (typeof value.capabilityId === 'string' && rating) {
        return { type, version, capabilityId: value.capabilityId, rating };
      }
      break;
    }
    case 'round.opened': {
      const round = asRound(value.round);
      if (round) return { type, version, round };
      break;
    }
    case 'round.progress': {
      if (typeof value.roundId === 'string' && isWholeNumber(value.voterCount)) {
        return { type, version, roundId: value.roundId, voterCount: value.voterCount };
      }
      break;
    }
    case 'round.rated': {
      const rating = asRating(value.rating);
      const { roundId, capabilityId, voterCount } = value;
      if (typeof roundId === 'string' && typeof capabilityId === 'string' && isWholeNumber(voterCount) && rating) {
        return { type, version, roundId, capabilityId, dimension: stringOrNull(value.dimension), rating, voterCount };
      }
      break;
    }
    case 'round.closed': {
      if (typeof value.roundId === 'string') {
        return { type, version, roundId: value.roundId, timedOut: value.timedOut === true };
      }
      break;
    }
    case 'round.revealed': {
      const results = asResults(value.results);
      if (typeof value.roundId === 'string' && results) return { type, version, roundId: value.roundId, results };
      break;
    }
    case 'responsibility.changed': {
      const modes = asModes(value.modes);
      if (typeof value.capabilityId === 'string' && modes) {
        return { type, version, capabilityId: value.capabilityId, modes };
      }
      break;
    }
    case 'scenario.defined': {
      const scenario = asScenario(value.scenario);
      if (scenario) return { type, version, scenario };
      break;
    }
    case 'scenario-vote.changed': {
      const vote = asScenarioVote(value.vote);
      if (vote) return { type, version, vote };
      break;
    }
    case 'workshop.changes': {
      const changes = asChanges(value);
      if (changes && isWholeNumber(value.since) && value.since < version) {
        return { type, version, since: value.since, ...changes };
      }
      break;
    }
  }
  // model.changed among others: the client reloads the snapshot for it.
  return { type: 'unrecognised', version, originalType: type };
}
