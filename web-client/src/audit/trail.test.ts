import { describe, expect, it } from 'vitest';
import type { AuditLine, AuditTrail } from '../api/types';
import { auditLine as line } from '../testing/fixtures';
import {
  actorKey,
  adoptPage,
  appendOlder,
  applyPushed,
  exportPath,
  localInputToIso,
  matchesFilter,
  NO_FILTER,
  parseAuditMessage,
  peopleIn,
  queryString,
  topicOf,
  type AuditFilter,
  type AuditScope,
} from './trail';

function page(latest: number, entries: AuditLine[], nextBefore: number | null = null): AuditTrail {
  return { projectId: 'p1', workshopId: null, latest, entries, nextBefore };
}

const PROJECT: AuditScope = { kind: 'project', projectId: 'p1', workshopId: null };
const WORKSHOP: AuditScope = { kind: 'workshop', workshopId: 'w1' };
const ANONYMOUS = { role: 'participant', id: null, name: null, organisation: null, anonymous: true };

describe('addresses', () => {
  it.each<{ scope: AuditScope; filter: AuditFilter; page?: { before: number | null; limit: number }; expected: string }>([
    { scope: PROJECT, filter: NO_FILTER, expected: '' },
    { scope: PROJECT, filter: NO_FILTER, page: { before: null, limit: 50 }, expected: '?limit=50' },
    { scope: WORKSHOP, filter: NO_FILTER, page: { before: 21, limit: 50 }, expected: '?before=21&limit=50' },
    {
      scope: { kind: 'project', projectId: 'p1', workshopId: 'w9' },
      filter: { kinds: ['rating', 'participation'], actor: 'participant:anna', from: '2026-11-29T09:00:00.000Z', to: null },
      expected: '?workshopId=w9&kind=rating%2Cparticipation&actor=participant%3Aanna&from=2026-11-29T09%3A00%3A00.000Z',
    },
  ])('$expected', ({ scope, filter, page: p, expected }) => {
    expect(queryString(scope, filter, p)).toBe(expected);
  });

  it('names the streams and the exports', () => {
    expect(topicOf(PROJECT)).toBe('/topic/projects.p1.audit');
    expect(topicOf(WORKSHOP)).toBe('/topic/workshops.w1.audit');
    expect(exportPath(PROJECT, { ...NO_FILTER, kinds: ['rating'] })).toBe('/projects/p1/audit/export?kind=rating');
    expect(exportPath(WORKSHOP, NO_FILTER)).toBe('/workshops/w1/audit/export');
  });
});

describe('matchesFilter', () => {
  it.each<{ name: string; line: AuditLine; filter: AuditFilter; scope?: AuditScope; expected: boolean }>([
    { name: 'no filter', line: line(1), filter: NO_FILTER, expected: true },
    { name: 'kind in list', line: line(1), filter: { ...NO_FILTER, kinds: ['project', 'rating'] }, expected: true },
    { name: 'kind not in list', line: line(1), filter: { ...NO_FILTER, kinds: ['project'] }, expected: false },
    { name: 'that person', line: line(1), filter: { ...NO_FILTER, actor: 'participant:anna' }, expected: true },
    { name: 'another person', line: line(1), filter: { ...NO_FILTER, actor: 'participant:bo' }, expected: false },
    {
      name: 'a hidden person never matches',
      line: line(1, { actor: ANONYMOUS }),
      filter: { ...NO_FILTER, actor: 'participant:anna' },
      expected: false,
    },
    { name: 'from is inclusive', line: line(3), filter: { ...NO_FILTER, from: '2026-11-29T10:03:00Z' }, expected: true },
    { name: 'to is exclusive', line: line(3), filter: { ...NO_FILTER, to: '2026-11-29T10:03:00Z' }, expected: false },
    {
      name: 'another workshop of the project',
      line: line(1, { workshopId: 'w2' }),
      filter: NO_FILTER,
      scope: { kind: 'project', projectId: 'p1', workshopId: 'w1' },
      expected: false,
    },
  ])('$name', ({ line: l, filter, scope, expected }) => {
    expect(matchesFilter(l, filter, scope ?? PROJECT)).toBe(expected);
  });
});

describe('applyPushed', () => {
  const state = adoptPage(page(5, [line(5), line(4)], 4));

  it('puts the next line on top', () => {
    const result = applyPushed(state, { type: 'audit.entry', version: 6, entry: line(6) }, NO_FILTER, PROJECT);
    expect(result.needsReload).toBe(false);
    expect(result.state.latest).toBe(6);
    expect(result.state.entries.map((e) => e.sequence)).toEqual([6, 5, 4]);
    expect(result.state.nextBefore).toBe(4);
  });

  it('counts but does not show a line the filter excludes', () => {
    const filter = { ...NO_FILTER, kinds: ['project'] };
    const result = applyPushed(state, { type: 'audit.entry', version: 6, entry: line(6) }, filter, PROJECT);
    expect(result.state.latest).toBe(6);
    expect(result.state.entries).toHaveLength(2);
  });

  it('ignores what it has and asks for a reload after a gap', () => {
    expect(applyPushed(state, { type: 'audit.entry', version: 5, entry: line(5) }, NO_FILTER, PROJECT).state).toBe(state);
    expect(applyPushed(state, { type: 'audit.entry', version: 7, entry: line(7) }, NO_FILTER, PROJECT).needsReload).toBe(true);
  });

  it('adds older pages below without repeating lines', () => {
    const older = appendOlder(state, page(6, [line(4), line(3), line(2)], 2));
    expect(older.entries.map((e) => e.sequence)).toEqual([5, 4, 3, 2]);
    expect(older.nextBefore).toBe(2);
    expect(older.latest).toBe(5);
  });
});

describe('parseAuditMessage', () => {
  it.each([
    { body: JSON.stringify({ type: 'audit.entry', version: 3, entry: line(3) }), ok: true },
    { body: JSON.stringify({ type: 'capability.rated', version: 3 }), ok: false },
    { body: JSON.stringify({ type: 'audit.entry', version: 2.5, entry: line(3) }), ok: false },
    { body: JSON.stringify({ type: 'audit.entry', version: 3, entry: { id: 'x' } }), ok: false },
    { body: 'not json', ok: false },
  ])('$body', ({ body, ok }) => {
    expect(parseAuditMessage(body) !== null).toBe(ok);
  });
});

describe('people and times', () => {
  it('offers each person once, by name, never the hidden ones', () => {
    const entries = [
      line(3),
      line(2, { actor: ANONYMOUS }),
      line(1, { actor: { role: 'facilitator', id: 'admin', name: 'admin', organisation: null, anonymous: false } }),
      line(0),
    ];
    expect(peopleIn(entries)).toEqual([
      { key: 'facilitator:admin', label: 'admin' },
      { key: 'participant:anna', label: 'Anna (Uddevalla)' },
    ]);
    expect(actorKey(ANONYMOUS)).toBeNull();
  });

  it('reads datetime-local values as instants', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('not a time')).toBeNull();
    expect(localInputToIso('2026-11-29T10:00')).toBe(new Date('2026-11-29T10:00').toISOString());
  });
});
