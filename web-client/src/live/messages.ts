import type { RatingAggregate, ReceivedMessage } from '../api/types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function asRating(value: unknown): RatingAggregate | null {
  if (!isObject(value)) return null;
  const { count, mean, distribution } = value;
  if (!isWholeNumber(count)) return null;
  if (mean !== null && typeof mean !== 'number') return null;
  if (!Array.isArray(distribution) || distribution.length !== 5 || !distribution.every(isWholeNumber)) {
    return null;
  }
  return { count, mean, distribution: distribution.slice() };
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
    case 'capability.rated': {
      const rating = asRating(value.rating);
      if (typeof value.capabilityId === 'string' && rating) {
        return { type, version, capabilityId: value.capabilityId, rating };
      }
      break;
    }
  }
  return { type: 'unrecognised', version, originalType: type };
}
