import { describe, expect, it } from 'vitest';
import type { ReceivedMessage, WorkshopChangesMessage, WorkshopSnapshot } from '../api/types';
import { joined, ONE_FOUR, rated, round, snapshot, TWO } from '../testing/fixtures';
import { adoptSnapshot, applyMessage, applyMessages, keepNewer } from './reconcile';

const base = snapshot({ version: 10, participantCount: 2 });

function ratingOf(state: WorkshopSnapshot, id: string) {
  return state.capabilities.find((c) => c.id === id)?.rating;
}

describe('applyMessage', () => {
  const cases: Array<{
    name: string;
    msg: ReceivedMessage;
    needsReload: boolean;
    version: number;
    check?: (state: WorkshopSnapshot) => void;
  }> = [
    {
      name: 'applies the next participant.joined',
      msg: joined(11, 3),
      needsReload: false,
      version: 11,
      check: (s) => expect(s.participantCount).toBe(3),
    },
    {
      name: 'applies the next participant.removed',
      msg: { type: 'participant.removed', version: 11, participantCount: 1, participantId: 'p1' },
      needsReload: false,
      version: 11,
      check: (s) => expect(s.participantCount).toBe(1),
    },
    {
      name: 'applies the next capability.rated to that capability only',
      msg: rated(11, 'set-goals-1', ONE_FOUR),
      needsReload: false,
      version: 11,
      check: (s) => {
        expect(ratingOf(s, 'set-goals-1')).toEqual(ONE_FOUR);
        expect(ratingOf(s, 'set-goals')?.count).toBe(0);
        expect(ratingOf(s, 'operate')?.count).toBe(0);
      },
    },
    {
      name: 'ignores a duplicate of the current version',
      msg: joined(10, 99),
      needsReload: false,
      version: 10,
      check: (s) => expect(s).toBe(base),
    },
    {
      name: 'ignores an old message',
      msg: rated(3, 'set-goals', ONE_FOUR),
      needsReload: false,
      version: 10,
      check: (s) => expect(s).toBe(base),
    },
    {
      name: 'asks for a reload on a gap and keeps the state',
      msg: joined(12, 4),
      needsReload: true,
      version: 10,
      check: (s) => expect(s).toBe(base),
    },
    {
      name: 'asks for a reload for a capability it does not know',
      msg: rated(11, 'no-such-capability', ONE_FOUR),
      needsReload: true,
      version: 10,
    },
    {
      name: 'asks for a reload for a message type it does not know',
      msg: { type: 'unrecognised', version: 11, originalType: 'scenario.opened' },
      needsReload: true,
      version: 10,
    },
    {
      name: 'ignores an old message of a type it does not know',
      msg: { type: 'unrecognised', version: 9, originalType: 'scenario.opened' },
      needsReload: false,
      version: 10,
    },
  ];

  it.each(cases)('$name', ({ msg, needsReload, version, check }) => {
    const result = applyMessage(base, msg);
    expect(result.needsReload).toBe(needsReload);
    expect(result.state.version).toBe(version);
    check?.(result.state);
  });

  it('replaces a capability rating with the newer aggregate', () => {
    const first = applyMessage(base, rated(11, 'set-goals', ONE_FOUR)).state;
    const second = applyMessage(first, rated(12, 'set-goals', TWO)).state;
    expect(ratingOf(second, 'set-goals')).toEqual(TWO);
    expect(second.version).toBe(12);
  });

  it('does not change the state it was given', () => {
    applyMessage(base, rated(11, 'set-goals', ONE_FOUR));
    expect(ratingOf(base, 'set-goals')?.count).toBe(0);
    expect(base.version).toBe(10);
  });
});

describe('applyMessages', () => {
  const cases: Array<{
    name: string;
    msgs: ReceivedMessage[];
    version: number;
    needsReload: boolean;
    pending: number[];
  }> = [
    { name: 'nothing to apply', msgs: [], version: 10, needsReload: false, pending: [] },
    {
      name: 'in order',
      msgs: [joined(11, 3), rated(12, 'operate', ONE_FOUR)],
      version: 12,
      needsReload: false,
      pending: [],
    },
    {
      name: 'out of order',
      msgs: [rated(13, 'operate', TWO), joined(11, 3), rated(12, 'operate', ONE_FOUR)],
      version: 13,
      needsReload: false,
      pending: [],
    },
    {
      name: 'older than the snapshot and repeated',
      msgs: [joined(9, 1), joined(10, 2), joined(11, 3), joined(11, 3)],
      version: 11,
      needsReload: false,
      pending: [],
    },
    {
      name: 'a gap stops at the last applied and keeps the rest',
      msgs: [joined(11, 3), joined(13, 5), joined(14, 6)],
      version: 11,
      needsReload: true,
      pending: [13, 14],
    },
  ];

  it.each(cases)('$name', ({ msgs, version, needsReload, pending }) => {
    const result = applyMessages(base, msgs);
    expect(result.state.version).toBe(version);
    expect(result.needsReload).toBe(needsReload);
    expect(result.pending.map((m) => m.version)).toEqual(pending);
  });

  it('leaves the last rating of a capability when several arrive together', () => {
    const result = applyMessages(base, [rated(12, 'operate', TWO), rated(11, 'operate', ONE_FOUR)]);
    expect(ratingOf(result.state, 'operate')).toEqual(TWO);
  });
});

describe('adoptSnapshot', () => {
  it.each([
    { name: 'first snapshot', current: null, loaded: 10, expected: 10 },
    { name: 'newer snapshot wins', current: 10, loaded: 14, expected: 14 },
    { name: 'same version takes the snapshot', current: 10, loaded: 10, expected: 10 },
    { name: 'older snapshot loses to what messages brought', current: 12, loaded: 11, expected: 12 },
  ])('$name', ({ current, loaded, expected }) => {
    const result = adoptSnapshot(current === null ? null : snapshot({ version: current }), snapshot({ version: loaded }));
    expect(result.version).toBe(expected);
  });

  it('takes a snapshot of another workshop whatever its version', () => {
    const result = adoptSnapshot(snapshot({ id: 'a', version: 50 }), snapshot({ id: 'b', version: 1 }));
    expect(result.id).toBe('b');
  });
});

describe('keepNewer', () => {
  it('drops messages the version includes and duplicates', () => {
    const result = keepNewer([joined(9, 1), joined(11, 2), joined(11, 2), joined(12, 3)], 10);
    expect(result.map((m) => m.version)).toEqual([11, 12]);
  });
});

describe('applyMessage to rounds and responsibility modes', () => {
  const sealed = round('r1', { voterCount: 1 });
  const live = round('r2', { number: 2, sealed: false, results: [] });
  const inRounds = snapshot({ version: 20, mode: 'rounds', rounds: [sealed] });
  const roundOf = (state: WorkshopSnapshot, id: string) => state.rounds.find((r) => r.id === id);

  const cases: Array<{
    name: string;
    state?: WorkshopSnapshot;
    msg: ReceivedMessage;
    needsReload: boolean;
    check?: (state: WorkshopSnapshot) => void;
  }> = [
    {
      name: 'round.opened adds the round and leaves free rating',
      state: snapshot({ version: 20 }),
      msg: { type: 'round.opened', version: 21, round: sealed },
      needsReload: false,
      check: (s) => {
        expect(s.mode).toBe('rounds');
        expect(s.rounds).toEqual([sealed]);
      },
    },
    {
      name: 'round.opened keeps the rounds in number order',
      msg: { type: 'round.opened', version: 21, round: round('r0', { number: 0 }) },
      needsReload: false,
      check: (s) => expect(s.rounds.map((r) => r.id)).toEqual(['r0', 'r1']),
    },
    {
      name: 'round.opened of a round it holds replaces it',
      msg: { type: 'round.opened', version: 21, round: { ...sealed, voterCount: 0 } },
      needsReload: false,
      check: (s) => expect(s.rounds).toEqual([{ ...sealed, voterCount: 0 }]),
    },
    {
      name: 'round.progress sets the voter count and nothing else',
      msg: { type: 'round.progress', version: 21, roundId: 'r1', voterCount: 2 },
      needsReload: false,
      check: (s) => {
        expect(roundOf(s, 'r1')).toEqual({ ...sealed, voterCount: 2 });
      },
    },
    {
      name: 'round.progress of an unknown round reloads',
      msg: { type: 'round.progress', version: 21, roundId: 'nope', voterCount: 2 },
      needsReload: true,
    },
    {
      name: 'round.rated adds the result of a live round',
      state: snapshot({ version: 20, mode: 'rounds', rounds: [live] }),
      msg: {
        type: 'round.rated',
        version: 21,
        roundId: 'r2',
        capabilityId: 'operate',
        dimension: null,
        rating: ONE_FOUR,
        voterCount: 1,
      },
      needsReload: false,
      check: (s) => {
        expect(roundOf(s, 'r2')?.results).toEqual([{ capabilityId: 'operate', dimension: null, rating: ONE_FOUR }]);
        expect(roundOf(s, 'r2')?.voterCount).toBe(1);
      },
    },
    {
      name: 'round.rated replaces the result of that capability and dimension only',
      state: snapshot({
        version: 20,
        mode: 'rounds',
        rounds: [
          {
            ...live,
            results: [
              { capabilityId: 'operate', dimension: 'people', rating: ONE_FOUR },
              { capabilityId: 'operate', dimension: 'tools', rating: ONE_FOUR },
            ],
          },
        ],
      }),
      msg: {
        type: 'round.rated',
        version: 21,
        roundId: 'r2',
        capabilityId: 'operate',
        dimension: 'tools',
        rating: TWO,
        voterCount: 2,
      },
      needsReload: false,
      check: (s) =>
        expect(roundOf(s, 'r2')?.results).toEqual([
          { capabilityId: 'operate', dimension: 'people', rating: ONE_FOUR },
          { capabilityId: 'operate', dimension: 'tools', rating: TWO },
        ]),
    },
    {
      name: 'round.rated of an unknown round reloads',
      msg: {
        type: 'round.rated',
        version: 21,
        roundId: 'nope',
        capabilityId: 'operate',
        dimension: null,
        rating: TWO,
        voterCount: 2,
      },
      needsReload: true,
    },
    {
      name: 'round.closed closes the round',
      msg: { type: 'round.closed', version: 21, roundId: 'r1', timedOut: false },
      needsReload: false,
      check: (s) => expect(roundOf(s, 'r1')).toEqual({ ...sealed, state: 'closed' }),
    },
    {
      name: 'round.closed by the timer says so',
      msg: { type: 'round.closed', version: 21, roundId: 'r1', timedOut: true },
      needsReload: false,
      check: (s) => expect(roundOf(s, 'r1')).toMatchObject({ state: 'closed', timedOut: true }),
    },
    {
      name: 'round.closed of an unknown round reloads',
      msg: { type: 'round.closed', version: 21, roundId: 'nope', timedOut: false },
      needsReload: true,
    },
    {
      name: 'round.revealed brings the results',
      state: snapshot({ version: 20, mode: 'rounds', rounds: [{ ...sealed, state: 'closed' }] }),
      msg: {
        type: 'round.revealed',
        version: 21,
        roundId: 'r1',
        results: [{ capabilityId: 'set-goals', dimension: null, rating: TWO }],
      },
      needsReload: false,
      check: (s) =>
        expect(roundOf(s, 'r1')).toMatchObject({
          state: 'revealed',
          results: [{ capabilityId: 'set-goals', dimension: null, rating: TWO }],
        }),
    },
    {
      name: 'round.revealed of an unknown round reloads',
      msg: { type: 'round.revealed', version: 21, roundId: 'nope', results: [] },
      needsReload: true,
    },
    {
      name: 'responsibility.changed sets that capability\'s modes',
      msg: {
        type: 'responsibility.changed',
        version: 21,
        capabilityId: 'operate',
        modes: { own: 0, collaboration: 2, procurement: 1, agreed: 'COLLABORATION' },
      },
      needsReload: false,
      check: (s) => {
        expect(s.capabilities.find((c) => c.id === 'operate')?.modes).toEqual({
          own: 0,
          collaboration: 2,
          procurement: 1,
          agreed: 'COLLABORATION',
        });
        expect(s.capabilities.find((c) => c.id === 'set-goals')?.modes.collaboration).toBe(0);
      },
    },
    {
      name: 'responsibility.changed of an unknown capability reloads',
      msg: {
        type: 'responsibility.changed',
        version: 21,
        capabilityId: 'nope',
        modes: { own: 1, collaboration: 0, procurement: 0, agreed: null },
      },
      needsReload: true,
    },
    {
      name: 'a round message after a gap reloads',
      msg: { type: 'round.progress', version: 23, roundId: 'r1', voterCount: 5 },
      needsReload: true,
    },
  ];

  it.each(cases)('$name', ({ state = inRounds, msg, needsReload, check }) => {
    const result = applyMessage(state, msg);
    expect(result.needsReload).toBe(needsReload);
    if (needsReload) {
      expect(result.state).toBe(state);
    } else {
      expect(result.state.version).toBe(msg.version);
      check?.(result.state);
    }
  });

  it('does not change the rounds it was given', () => {
    applyMessage(inRounds, { type: 'round.progress', version: 21, roundId: 'r1', voterCount: 9 });
    expect(inRounds.rounds[0]?.voterCount).toBe(1);
  });
});

// A conflated push spans several versions and carries the latest state of what they touched.
describe('workshop.changes', () => {
  const NO_MODES = { own: 0, collaboration: 0, procurement: 0, agreed: null };
  const changes = (since: number, version: number, extra: Partial<WorkshopChangesMessage> = {}): ReceivedMessage => ({
    type: 'workshop.changes',
    version,
    since,
    participantCount: 5,
    capabilities: [{ id: 'set-goals-1', rating: TWO, modes: NO_MODES }],
    rounds: [],
    scenarioVotes: [],
    ...extra,
  });

  it('takes the touched parts and jumps to its version when the state is at its start', () => {
    const result = applyMessage(base, changes(10, 14));
    expect(result.needsReload).toBe(false);
    expect(result.state.version).toBe(14);
    expect(result.state.participantCount).toBe(5);
    expect(ratingOf(result.state, 'set-goals-1')).toEqual(TWO);
    expect(ratingOf(result.state, 'operate')?.count).toBe(0);
  });

  it('applies to a state already inside its span (the parts are the latest values)', () => {
    const inside = applyMessage(base, rated(11, 'set-goals-1', ONE_FOUR)).state;
    const result = applyMessage(inside, changes(10, 14));
    expect(result.needsReload).toBe(false);
    expect(ratingOf(result.state, 'set-goals-1')).toEqual(TWO);
  });

  it('reloads when the state is older than its start: something before it was missed', () => {
    expect(applyMessage(base, changes(11, 14)).needsReload).toBe(true);
  });

  it('is ignored when the state already has its version', () => {
    expect(applyMessage(base, changes(8, 10))).toEqual({ state: base, needsReload: false });
  });

  it('reloads for a capability or round the state does not know', () => {
    const unknownCapability = changes(10, 12, { capabilities: [{ id: 'nope', rating: TWO, modes: NO_MODES }] });
    expect(applyMessage(base, unknownCapability).needsReload).toBe(true);
    expect(applyMessage(base, changes(10, 12, { rounds: [round('r9')] })).needsReload).toBe(true);
  });

  it('replaces a known round, so a sealed round stays without results', () => {
    const withRound = { ...base, rounds: [round('r1', { voterCount: 1 })] };
    const result = applyMessage(withRound, changes(10, 13, { rounds: [round('r1', { voterCount: 3 })] }));
    expect(result.state.rounds[0]?.voterCount).toBe(3);
    expect(result.state.rounds[0]?.results).toBeNull();
  });

  it('among buffered messages applies in version order with the deltas after it', () => {
    const result = applyMessages(base, [joined(15, 9), changes(10, 14), joined(11, 3)]);
    expect(result.needsReload).toBe(false);
    expect(result.state.version).toBe(15);
    expect(result.state.participantCount).toBe(9);
    expect(ratingOf(result.state, 'set-goals-1')).toEqual(TWO);
  });
});
