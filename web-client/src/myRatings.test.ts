import { describe, expect, it } from 'vitest';
import {
  EMPTY_ENTRY,
  failed,
  isAlreadyApplied,
  isTransientFailure,
  loadedEntry,
  newIdempotencyKey,
  ratingState,
  resendDelayMillis,
  select,
  succeeded,
  type RatingEntry,
  type Step,
} from './myRatings';

type Action = { select: 1 | 2 | 3 | 4 | 5 } | { ok: 1 | 2 | 3 | 4 | 5 } | { fail: string };

function run(start: RatingEntry, actions: Action[]): { entry: RatingEntry; sent: number[] } {
  let entry = start;
  const sent: number[] = [];
  for (const action of actions) {
    let step: Step;
    if ('select' in action) step = select(entry, action.select);
    else if ('ok' in action) step = succeeded(entry, action.ok);
    else step = failed(entry, action.fail);
    entry = step.entry;
    if (step.send !== null) sent.push(step.send);
  }
  return { entry, sent };
}

describe('own rating', () => {
  it.each<{ name: string; start: RatingEntry; actions: Action[]; state: string; shown: number | null; sent: number[] }>([
    { name: 'nothing rated', start: EMPTY_ENTRY, actions: [], state: 'none', shown: null, sent: [] },
    { name: 'kept rating loaded', start: loadedEntry(4), actions: [], state: 'saved', shown: 4, sent: [] },
    { name: 'choosing sends at once', start: EMPTY_ENTRY, actions: [{ select: 3 }], state: 'pending', shown: 3, sent: [3] },
    { name: 'confirmed', start: EMPTY_ENTRY, actions: [{ select: 3 }, { ok: 3 }], state: 'saved', shown: 3, sent: [3] },
    {
      name: 'a choice while one is under way waits, then goes',
      start: EMPTY_ENTRY,
      actions: [{ select: 3 }, { select: 4 }, { select: 5 }, { ok: 3 }],
      state: 'pending',
      shown: 5,
      sent: [3, 5],
    },
    {
      name: 'the queued choice settles',
      start: EMPTY_ENTRY,
      actions: [{ select: 3 }, { select: 4 }, { ok: 3 }, { ok: 4 }],
      state: 'saved',
      shown: 4,
      sent: [3, 4],
    },
    {
      name: 'changing back to the score under way sends nothing more',
      start: EMPTY_ENTRY,
      actions: [{ select: 3 }, { select: 4 }, { select: 3 }, { ok: 3 }],
      state: 'saved',
      shown: 3,
      sent: [3],
    },
    {
      name: 'a refusal shows the problem and the kept score again',
      start: loadedEntry(2),
      actions: [{ select: 5 }, { fail: 'workshop closed' }],
      state: 'error',
      shown: 2,
      sent: [5],
    },
    {
      name: 'a refusal with a later choice waiting sends that choice',
      start: EMPTY_ENTRY,
      actions: [{ select: 1 }, { select: 2 }, { fail: 'oops' }],
      state: 'pending',
      shown: 2,
      sent: [1, 2],
    },
    {
      name: 'choosing again after an error clears it',
      start: EMPTY_ENTRY,
      actions: [{ select: 1 }, { fail: 'oops' }, { select: 2 }, { ok: 2 }],
      state: 'saved',
      shown: 2,
      sent: [1, 2],
    },
  ])('$name', ({ start, actions, state, shown, sent }) => {
    const result = run(start, actions);
    expect(ratingState(result.entry)).toBe(state);
    expect(result.entry.shown).toBe(shown);
    expect(result.sent).toEqual(sent);
  });

  it('keeps the problem detail for display', () => {
    const result = run(EMPTY_ENTRY, [{ select: 1 }, { fail: 'score: must be between 1 and 5' }]);
    expect(result.entry.error).toBe('score: must be between 1 and 5');
  });
});

describe('sending a choice again', () => {
  it.each([
    { status: 0, type: null, again: true },
    { status: 503, type: 'https://samverka.se/problems/unavailable', again: true },
    { status: 429, type: 'https://samverka.se/problems/too-many-requests', again: true },
    { status: 409, type: 'https://samverka.se/problems/request-in-progress', again: true },
    { status: 409, type: 'https://samverka.se/problems/round-closed', again: false },
    { status: 400, type: 'https://samverka.se/problems/validation', again: false },
    { status: 401, type: null, again: false },
    { status: 500, type: null, again: false },
  ])('$status $type: sent again = $again', ({ status, type, again }) => {
    expect(isTransientFailure(status, type)).toBe(again);
  });

  it('takes an answer lost after the server applied the choice as confirmed', () => {
    expect(isAlreadyApplied(409, 'https://samverka.se/problems/already-applied')).toBe(true);
    expect(isAlreadyApplied(409, 'https://samverka.se/problems/request-in-progress')).toBe(false);
  });

  it('backs off to every 15 seconds', () => {
    expect([0, 1, 2, 3, 4, 10].map(resendDelayMillis)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });

  it('gives each choice its own key', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
