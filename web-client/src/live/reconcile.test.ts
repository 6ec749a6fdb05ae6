import { describe, expect, it } from 'vitest';
import type { ReceivedMessage, WorkshopSnapshot } from '../api/types';
import { joined, ONE_FOUR, rated, snapshot, TWO } from '../testing/fixtures';
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
      msg: { type: 'unrecognised', version: 11, originalType: 'vote.opened' },
      needsReload: true,
      version: 10,
    },
    {
      name: 'ignores an old message of a type it does not know',
      msg: { type: 'unrecognised', version: 9, originalType: 'vote.opened' },
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
