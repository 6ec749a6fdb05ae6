import { describe, expect, it } from 'vitest';
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
      name: 'capability.rated',
      body: '{"type":"capability.rated","version":5,"capabilityId":"set-goals","rating":{"count":3,"mean":3.67,"distribution":[0,0,1,2,0]}}',
      expected: {
        type: 'capability.rated',
        version: 5,
        capabilityId: 'set-goals',
        rating: { count: 3, mean: 3.67, distribution: [0, 0, 1, 2, 0] },
      },
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
