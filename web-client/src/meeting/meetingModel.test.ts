import { describe, expect, it } from 'vitest';
import {
  agendaText, focusDecision, isLate, parseAgendaText, statusRowsToEdit, isoWeek, lightHistory, parseWholeViewMessage, weeksBetween, wholeViewReconciler,
  type MeetingSnapshot,
} from './meetingModel';

const meeting = (version: number, currentItemId: string | null = null): MeetingSnapshot => ({
  workshopId: 'w1', version, projectId: 'p1', purpose: null, goals: [], agenda: [{ id: 'a1', title: 'Statusrapport', details: [] }],
  currentItemId, present: [], steeringGroup: [], decisions: [],
});

describe('the meeting stream', () => {
  const reconciler = wholeViewReconciler<MeetingSnapshot>();

  it('replaces the view with the next version, ignores old ones and reloads on a gap', () => {
    const next = reconciler.applyMessage(meeting(3), { type: 'meeting.item-moved', version: 4, view: meeting(4, 'a1') });
    expect(next.state.currentItemId).toBe('a1');
    expect(reconciler.applyMessage(meeting(4), { type: 'x', version: 4, view: meeting(4, 'a1') }).state.currentItemId).toBeNull();
    expect(reconciler.applyMessage(meeting(3), { type: 'x', version: 6, view: meeting(6) }).needsReload).toBe(true);
  });

  it('parses only well-formed messages', () => {
    expect(parseWholeViewMessage('{"type":"meeting.present","version":2,"meeting":{"version":2}}', 'meeting')?.version).toBe(2);
    expect(parseWholeViewMessage('{"type":"meeting.present","version":2}', 'meeting')).toBeNull();
    expect(parseWholeViewMessage('not json', 'meeting')).toBeNull();
  });
});

describe('decisions, weeks and lights', () => {
  it('focuses the latest open decision', () => {
    const base = { kind: 'GENERAL' as const, proposal: '', options: [], planVersion: null, quorum: null, openVoting: false,
      anonymous: false, agendaItemId: null, voteCount: 0, votes: [], result: null, outcome: null, tally: null, evidence: null };
    const m = { ...meeting(1), decisions: [{ ...base, id: 'd1', state: 'open' as const }, { ...base, id: 'd2', state: 'closed' as const }] };
    expect(focusDecision(m)?.id).toBe('d1');
  });

  it('numbers ISO weeks across the turn of the year', () => {
    expect(isoWeek('2020-10-30')).toEqual({ year: 2020, week: 44 });
    expect(isoWeek('2021-01-01')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2021-01-29')).toEqual({ year: 2021, week: 4 });
    const weeks = weeksBetween('2020-10-05', '2021-01-29').map((w) => w.week);
    expect(weeks[0]).toBe(41);
    expect(weeks[weeks.length - 1]).toBe(4);
    expect(weeks).toContain(53);
  });

  it('lines up each area\'s lights across meetings', () => {
    const row = (area: string, light: 'ON_TRACK' | 'MINOR') => ({ area, light, lightLabel: '', colour: '', deviation: null, action: null, done: null });
    const history = lightHistory([
      { workshopId: 'w1', reportedOn: '2020-10-02', rows: [row('Budget', 'ON_TRACK')] },
      { workshopId: 'w2', reportedOn: '2020-11-02', rows: [row('Budget', 'MINOR'), row('Tid', 'MINOR')] },
    ]);
    expect(history).toEqual([{ area: 'Budget', lights: ['ON_TRACK', 'MINOR'] }, { area: 'Tid', lights: [null, 'MINOR'] }]);
  });
});

describe('the agenda as text', () => {
  it('reads items and their sub-points, and writes them back', () => {
    const items = parseAgendaText('Statusrapport\n\nAktiviteter\n- Kort genomgång av projektet\nBeslut\n  -  Godkänna projektplan\n');
    expect(items).toEqual([
      { title: 'Statusrapport', details: [] },
      { title: 'Aktiviteter', details: ['Kort genomgång av projektet'] },
      { title: 'Beslut', details: ['Godkänna projektplan'] },
    ]);
    expect(parseAgendaText(agendaText(items.map((i, n) => ({ id: `a${n + 1}`, ...i }))))).toEqual(items);
    expect(parseAgendaText('- orphan')).toEqual([]);
  });
});

describe('milestones', () => {
  it('are late when past due and not reached, or reached after due', () => {
    expect(isLate({ due: '2020-10-30', reachedOn: null }, '2020-10-30')).toBe(false);
    expect(isLate({ due: '2020-10-30', reachedOn: null }, '2020-10-31')).toBe(true);
    expect(isLate({ due: '2020-10-30', reachedOn: '2020-10-30' }, '2021-01-01')).toBe(false);
    expect(isLate({ due: '2020-10-30', reachedOn: '2020-11-02' }, '2021-01-01')).toBe(true);
    expect(isLate({ due: null, reachedOn: null }, '2021-01-01')).toBe(false);
  });
});

describe('the status report to edit', () => {
  it('starts from this meeting\'s report, else the latest, else the template on track', () => {
    const row = (area: string) => ({ area, light: 'MINOR' as const, lightLabel: '', colour: '', deviation: 'x', action: null, done: null });
    const records = { projectId: 'p1', version: 3, facts: null, planVersions: [], milestones: [],
      statusReports: [{ workshopId: 'w1', reportedOn: '2020-10-02', rows: [row('Budget')] },
        { workshopId: 'w2', reportedOn: '2020-11-02', rows: [row('Tid')] }] };
    expect(statusRowsToEdit(records, 'w1').map((r) => r.area)).toEqual(['Budget']);
    expect(statusRowsToEdit(records, 'w3').map((r) => r.area)).toEqual(['Tid']);
    const fresh = statusRowsToEdit(null, 'w1');
    expect(fresh.map((r) => r.area)).toContain('Komplikationer');
    expect(fresh.every((r) => r.light === 'ON_TRACK')).toBe(true);
  });
});
