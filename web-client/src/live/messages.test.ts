import { describe, expect, it } from 'vitest';
import { round, TWO } from '../testing/fixtures';
import { parseLiveMessage } from './messages';

describe('parseLiveMessage', () => {
  it.each([
    {
      name: 'participant.joined',
      body: '{"type":"participant.joined","version":4,"participantCount":2,"participant":{"id":"p1","displayName":"Anna","organisation":"Uddevalla"}}',
      expected: {
        type: 'participant.joined',
        version: 4,
        participantCount: 2,
        participant: { id: 'p1', displayName: 'Anna', organisation: 'Uddevalla' },
      },
    },
    {
      name: 'participant.joined without organisation',
      body: '{"type":"participant.joined","version":4,"participantCount":2,"participant":{"id":"p1","displayName":"Anna"}}',
      expected: {
        type: 'participant.joined',
        version: 4,
        participantCount: 2,
        participant: { id: 'p1', displayName: 'Anna', organisation: null },
      },
    },
    {
      name: 'participant.removed',
      body: '{"type":"participant.removed","version":6,"workshopId":"w1","participantCount":1,"participantId":"p1"}',
      expected: { type: 'participant.removed', version: 6, participantCount: 1, participantId: 'p1' },
    },
    {
      name: 'capability.rated',
      body: '{"type":"capability.rated","version":5,"capabilityId":"set-goals","rating":{"count":3,"mean":3.67,"distribution":[0,0,1,2,0]}}',
      expected: {
        type: 'capability.rated',
        version: 5,
        capabilityId: 'set-goals',
        rating: { count: 3, mean: 3.67, median: null, stddev: null, agreement: null, distribution: [0, 0, 1, 2, 0] },
      },
    },
    {
      name: 'capability.rated with every figure',
      body: '{"type":"capability.rated","version":5,"capabilityId":"set-goals","rating":{"count":2,"mean":3.5,"median":3.5,"stddev":0.5,"agreement":0.75,"distribution":[0,0,1,1,0]}}',
      expected: { type: 'capability.rated', version: 5, capabilityId: 'set-goals', rating: TWO },
    },
    {
      name: 'round.opened',
      body: JSON.stringify({
        type: 'round.opened',
        version: 8,
        workshopId: 'w1',
        round: { ...round('r1'), scope: { kind: 'ALL' } },
      }),
      expected: { type: 'round.opened', version: 8, round: round('r1') },
    },
    {
      name: 'round.progress',
      body: '{"type":"round.progress","version":9,"workshopId":"w1","roundId":"r1","voterCount":3}',
      expected: { type: 'round.progress', version: 9, roundId: 'r1', voterCount: 3 },
    },
    {
      name: 'round.rated on a dimension',
      body: JSON.stringify({
        type: 'round.rated',
        version: 9,
        roundId: 'r1',
        capabilityId: 'operate',
        dimension: 'people',
        rating: TWO,
        voterCount: 2,
      }),
      expected: {
        type: 'round.rated',
        version: 9,
        roundId: 'r1',
        capabilityId: 'operate',
        dimension: 'people',
        rating: TWO,
        voterCount: 2,
      },
    },
    {
      name: 'round.closed by the timer',
      body: '{"type":"round.closed","version":10,"roundId":"r1","timedOut":true}',
      expected: { type: 'round.closed', version: 10, roundId: 'r1', timedOut: true },
    },
    {
      name: 'round.revealed',
      body: JSON.stringify({
        type: 'round.revealed',
        version: 11,
        roundId: 'r1',
        results: [{ capabilityId: 'operate', dimension: null, rating: TWO }],
      }),
      expected: {
        type: 'round.revealed',
        version: 11,
        roundId: 'r1',
        results: [{ capabilityId: 'operate', dimension: null, rating: TWO }],
      },
    },
    {
      name: 'responsibility.changed',
      body: '{"type":"responsibility.changed","version":12,"capabilityId":"operate","modes":{"own":1,"collaboration":2,"procurement":0,"agreed":"COLLABORATION"}}',
      expected: {
        type: 'responsibility.changed',
        version: 12,
        capabilityId: 'operate',
        modes: { own: 1, collaboration: 2, procurement: 0, agreed: 'COLLABORATION' },
      },
    },
    {
      name: 'responsibility.changed with an unknown mode keeps its version',
      body: '{"type":"responsibility.changed","version":12,"capabilityId":"operate","modes":{"own":1,"collaboration":2,"procurement":0,"agreed":"LOTTERY"}}',
      expected: { type: 'unrecognised', version: 12, originalType: 'responsibility.changed' },
    },
    {
      name: 'round.opened with a round in an unknown state keeps its version',
      body: JSON.stringify({ type: 'round.opened', version: 8, round: { ...round('r1'), state: 'paused' } }),
      expected: { type: 'unrecognised', version: 8, originalType: 'round.opened' },
    },
    {
      name: 'an unknown type keeps its version',
      body: '{"type":"vote.opened","version":6}',
      expected: { type: 'unrecognised', version: 6, originalType: 'vote.opened' },
    },
    {
      name: 'a known type with a bad body keeps its version',
      body: '{"type":"capability.rated","version":7,"capabilityId":"x","rating":{"count":1,"mean":2,"distribution":[1]}}',
      expected: { type: 'unrecognised', version: 7, originalType: 'capability.rated' },
    },
    { name: 'not JSON', body: 'hello', expected: null },
    { name: 'no version', body: '{"type":"participant.joined"}', expected: null },
    { name: 'a fractional version', body: '{"type":"participant.joined","version":1.5}', expected: null },
    { name: 'an array', body: '[1,2]', expected: null },
  ])('$name', ({ body, expected }) => {
    expect(parseLiveMessage(body)).toEqual(expected);
  });
});

describe('parseLiveMessage workshop.changes', () => {
  const body = {
    type: 'workshop.changes', version: 9, since: 6, workshopId: 'w1', participantCount: 3,
    capabilities: [{ id: 'set-goals', name: { sv: 'Mål', en: 'Goals' }, rating: { count: 2, mean: 3.5, median: 3.5,
      stddev: 0.5, agreement: 0.75, distribution: [0, 0, 1, 1, 0] },
    modes: { own: 1, collaboration: 0, procurement: 0, agreed: null } }],
    rounds: [round('r1')], scenarioVotes: [],
  };

  it('reads the touched parts of a conflated push', () => {
    const msg = parseLiveMessage(JSON.stringify(body));
    expect(msg).toMatchObject({ type: 'workshop.changes', version: 9, since: 6, participantCount: 3 });
    expect(msg?.type === 'workshop.changes' && msg.capabilities[0]?.rating.count).toBe(2);
    expect(msg?.type === 'workshop.changes' && msg.rounds[0]?.id).toBe('r1');
  });

  it('takes a malformed one as unrecognised, so the client reloads', () => {
    expect(parseLiveMessage(JSON.stringify({ ...body, since: 9 }))?.type).toBe('unrecognised');
    expect(parseLiveMessage(JSON.stringify({ ...body, capabilities: [{ id: 'x' }] }))?.type).toBe('unrecognised');
  });
});
