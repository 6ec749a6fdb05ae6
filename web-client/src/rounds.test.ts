import { describe, expect, it } from 'vitest';
import { capability, NO_MODES, ONE_FOUR, round, snapshot, TWO } from './testing/fixtures';
import {
  formatCountdown,
  latestRound,
  modeShare,
  openRound,
  ratePhase,
  ratingContext,
  ratingKey,
  resultsSignature,
  roundCapabilities,
  roundResult,
  secondsLeft,
  timeLimitSeconds,
} from './rounds';

describe('ratePhase', () => {
  it.each([
    { name: 'no rounds: free rating', rounds: [], mode: 'free' as const, expected: 'free' },
    { name: 'an open round', rounds: [round('r1')], mode: 'rounds' as const, expected: 'open' },
    {
      name: 'the last round closed: waiting',
      rounds: [round('r1', { state: 'closed' })],
      mode: 'rounds' as const,
      expected: 'waiting',
    },
    {
      name: 'revealed rounds only: waiting',
      rounds: [round('r1', { state: 'revealed' }), round('r2', { number: 2, state: 'revealed' })],
      mode: 'rounds' as const,
      expected: 'waiting',
    },
    {
      name: 'an open round after revealed ones',
      rounds: [round('r1', { state: 'revealed' }), round('r2', { number: 2 })],
      mode: 'rounds' as const,
      expected: 'open',
    },
  ])('$name', ({ rounds, mode, expected }) => {
    expect(ratePhase({ rounds, mode }).kind).toBe(expected);
  });

  it('waits with the latest round', () => {
    const phase = ratePhase({
      mode: 'rounds',
      rounds: [round('r2', { number: 2, state: 'closed' }), round('r1', { state: 'revealed' })],
    });
    expect(phase).toEqual({ kind: 'waiting', last: expect.objectContaining({ id: 'r2' }) });
  });

  it('gives each round its own rating context', () => {
    expect(ratingContext({ kind: 'free' })).toBe('free');
    expect(ratingContext({ kind: 'open', round: round('r7') })).toBe('round:r7');
    expect(ratingContext({ kind: 'waiting', last: null })).toBe('waiting');
  });
});

describe('rounds of a snapshot', () => {
  const s = snapshot({
    mode: 'rounds',
    rounds: [round('r1', { state: 'revealed' }), round('r3', { number: 3 }), round('r2', { number: 2, state: 'closed' })],
  });

  it('finds the open and the latest round', () => {
    expect(openRound(s)?.id).toBe('r3');
    expect(latestRound(s)?.id).toBe('r3');
    expect(openRound(snapshot())).toBeNull();
    expect(latestRound(snapshot())).toBeNull();
  });

  it('keeps model order for the round capabilities', () => {
    const r = round('r1', { capabilityIds: ['operate', 'set-goals'] });
    expect(roundCapabilities(s.capabilities, r).map((c) => c.id)).toEqual(['set-goals', 'operate']);
  });

  it('reads a result by capability and dimension', () => {
    const r = round('r1', {
      sealed: false,
      results: [
        { capabilityId: 'operate', dimension: null, rating: ONE_FOUR },
        { capabilityId: 'operate', dimension: 'people', rating: TWO },
      ],
    });
    expect(roundResult(r, 'operate', null)).toEqual(ONE_FOUR);
    expect(roundResult(r, 'operate', 'people')).toEqual(TWO);
    expect(roundResult(r, 'operate', 'tools')).toBeNull();
    expect(roundResult(round('sealed'), 'operate', null)).toBeNull();
  });
});

describe('ratingKey', () => {
  it('matches the keys of my-ratings', () => {
    expect(ratingKey('set-goals', null)).toBe('set-goals');
    expect(ratingKey('set-goals', 'people')).toBe('set-goals/people');
  });
});

describe('countdown', () => {
  const now = Date.parse('2026-11-29T19:00:00Z');
  it.each([
    { deadline: null, expected: null },
    { deadline: 'not a date', expected: null },
    { deadline: '2026-11-29T19:05:00Z', expected: 300 },
    { deadline: '2026-11-29T19:00:00.200Z', expected: 1 },
    { deadline: '2026-11-29T18:59:00Z', expected: 0 },
  ])('$deadline → $expected', ({ deadline, expected }) => {
    expect(secondsLeft(deadline, now)).toBe(expected);
  });

  it.each([
    { seconds: 0, expected: '0:00' },
    { seconds: 59, expected: '0:59' },
    { seconds: 300, expected: '5:00' },
    { seconds: 3725, expected: '1:02:05' },
  ])('$seconds s → $expected', ({ seconds, expected }) => {
    expect(formatCountdown(seconds)).toBe(expected);
  });
});

describe('timeLimitSeconds', () => {
  it.each([
    { minutes: '', expected: null },
    { minutes: '  ', expected: null },
    { minutes: '5', expected: 300 },
    { minutes: '1,5', expected: 90 },
    { minutes: '0.5', expected: 30 },
    { minutes: '0,1', expected: 'invalid' },
    { minutes: '0', expected: 'invalid' },
    { minutes: '-2', expected: 'invalid' },
    { minutes: 'fem', expected: 'invalid' },
    { minutes: '1440', expected: 86400 },
    { minutes: '1441', expected: 'invalid' },
  ])('"$minutes" → $expected', ({ minutes, expected }) => {
    expect(timeLimitSeconds(minutes)).toBe(expected);
  });
});

describe('resultsSignature', () => {
  const base = snapshot({ mode: 'rounds', rounds: [round('r1', { voterCount: 1 })] });
  const signature = resultsSignature(base);

  it.each([
    { name: 'a free rating', changed: { capabilities: [capability('set-goals', { rating: ONE_FOUR }), ...base.capabilities.slice(1)] } },
    { name: 'a round state', changed: { rounds: [round('r1', { state: 'closed' })] } },
    {
      name: 'a revealed result',
      changed: {
        rounds: [round('r1', { state: 'revealed', results: [{ capabilityId: 'operate', dimension: null, rating: TWO }] })],
      },
    },
  ])('changes with $name', ({ changed }) => {
    expect(resultsSignature({ ...base, ...changed })).not.toBe(signature);
  });

  it.each([
    { name: 'a voter count', changed: { rounds: [round('r1', { voterCount: 5 })] } },
    { name: 'a join', changed: { participantCount: 9 } },
    {
      name: 'a responsibility vote',
      changed: { capabilities: base.capabilities.map((c) => ({ ...c, modes: { ...NO_MODES, own: 2 } })) },
    },
  ])('stays with $name', ({ changed }) => {
    expect(resultsSignature({ ...base, ...changed })).toBe(signature);
  });
});

describe('modeShare', () => {
  it('is the share of the votes, 0 without votes', () => {
    expect(modeShare({ own: 1, collaboration: 3, procurement: 0, agreed: null }, 'COLLABORATION')).toBe(0.75);
    expect(modeShare(NO_MODES, 'OWN')).toBe(0);
  });
});
