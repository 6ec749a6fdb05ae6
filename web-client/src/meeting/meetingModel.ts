/** The meeting and project records as the server serves them (docs/api.md, "Meetings"), and pure helpers. */

export interface AgendaItem { id: string; title: string; details: string[] }
export interface Person { participantId: string; displayName: string }
export interface DecisionOption { id: string; label: string }
export interface DecisionVote { participantId: string; displayName: string | null; optionId: string | null; castAt: string }
export interface Evidence { riskRegisterVersion: number | null; recordsVersion: number | null; statusReportWorkshopId: string | null }
export type DecisionResult = 'DECIDED' | 'TIED' | 'NO_QUORUM' | 'NO_VOTES';

export interface Decision {
  id: string;
  kind: 'GENERAL' | 'PLAN_APPROVAL';
  proposal: string;
  options: DecisionOption[];
  planVersion: string | null;
  quorum: number | null;
  openVoting: boolean;
  anonymous: boolean;
  agendaItemId: string | null;
  state: 'open' | 'closed';
  voteCount: number;
  votes: DecisionVote[];
  result: DecisionResult | null;
  outcome: string | null;
  tally: Record<string, number> | null;
  evidence: Evidence | null;
}

export interface MeetingSnapshot {
  workshopId: string;
  version: number;
  projectId: string | null;
  purpose: string | null;
  goals: string[];
  agenda: AgendaItem[];
  currentItemId: string | null;
  present: Person[];
  steeringGroup: Person[];
  decisions: Decision[];
}

export type Light = 'ON_TRACK' | 'MINOR' | 'MAJOR';
export interface StatusRow { area: string; light: Light; lightLabel: string; colour: string; deviation: string | null; action: string | null; done: string | null }
export interface StatusReport { workshopId: string; reportedOn: string; rows: StatusRow[] }
export interface Milestone { id: string; name: string; planned: string | null; due: string | null; reachedOn: string | null; late: boolean }
export interface PlanVersion { version: string; note: string | null; state: 'DRAFT' | 'APPROVED' | 'RETURNED' | 'STOPPED'; decisionId: string | null }
export interface Facts {
  name: string; goal: string | null; totalCostSek: number | null; financing: string[]; municipalContribution: string | null;
  startDate: string | null; endDate: string | null; deliverables: string[];
}
export interface RecordsSnapshot {
  projectId: string;
  version: number;
  facts: Facts | null;
  planVersions: PlanVersion[];
  milestones: Milestone[];
  statusReports: StatusReport[];
  /** Older servers send neither of these two. */
  activities?: Activity[];
  organisations?: Organisations;
}

/** A timeline activity from its start week to its end week, inclusive (ISO weeks, `2020-W41`). */
export interface Activity { id: string; name: string; startWeek: string; endWeek: string }
/** The member organisations a participant picks from when joining; an empty list accepts any. */
export interface Organisations { names: string[]; allowOther: boolean }
export interface FactsRequest {
  name: string; goal: string | null; totalCostSek: number | null; financing: string[]; municipalContribution: string | null;
  startDate: string | null; endDate: string | null; deliverables: string[];
}

export interface OpenDecisionRequest {
  kind: 'GENERAL' | 'PLAN_APPROVAL';
  proposal: string;
  options?: string[];
  planVersion?: string;
  quorum?: number;
  openVoting: boolean;
  anonymous: boolean;
}

export interface StatusRowRequest { area: string; light: Light; deviation: string | null; action: string | null; done: string | null }

/** The status report's areas in the steering group's template. */
export const STATUS_AREAS = ['Budget', 'Tid', 'Personal', 'Uppnått resultat/delmål', 'Kommande aktiviteter', 'Komplikationer'];
export const LIGHTS: readonly Light[] = ['ON_TRACK', 'MINOR', 'MAJOR'];

/** The rows to edit: this meeting's report if there is one, else the latest, else the template's areas on track. */
export function statusRowsToEdit(records: RecordsSnapshot | null, workshopId: string): StatusRowRequest[] {
  const reports = records?.statusReports ?? [];
  const base = reports.find((r) => r.workshopId === workshopId) ?? reports[reports.length - 1];
  if (base) return base.rows.map((r) => ({ area: r.area, light: r.light, deviation: r.deviation, action: r.action, done: r.done }));
  return STATUS_AREAS.map((area) => ({ area, light: 'ON_TRACK', deviation: null, action: null, done: null }));
}

export interface AgendaRequest { purpose: string | null; goals: string[]; items: { title: string; details: string[] }[] }

/**
 * Reads an agenda written as lines: each line an item, lines starting with "-" its sub-points.
 * Blank lines are skipped; sub-points before any item are ignored.
 */
export function parseAgendaText(text: string): { title: string; details: string[] }[] {
  const items: { title: string; details: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('-')) {
      const last = items[items.length - 1];
      const detail = line.replace(/^-+\s*/, '');
      if (last && detail !== '') last.details.push(detail);
    } else {
      items.push({ title: line, details: [] });
    }
  }
  return items;
}

/** The agenda as lines again, for editing. */
export function agendaText(items: readonly AgendaItem[]): string {
  return items.map((i) => [i.title, ...i.details.map((d) => `- ${d}`)].join('\n')).join('\n');
}

/** A pushed message of a stream whose every message carries the whole view. */
export interface WholeViewMessage<S> { type: string; version: number; view: S }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a message of `/topic/workshops.{id}.meeting` or `/topic/projects.{id}.records`; null if malformed. */
export function parseWholeViewMessage<S>(body: string, field: 'meeting' | 'records'): WholeViewMessage<S> | null {
  try {
    const raw: unknown = JSON.parse(body);
    if (!isObject(raw) || typeof raw.type !== 'string' || !Number.isInteger(raw.version) || !isObject(raw[field])) {
      return null;
    }
    return { type: raw.type, version: raw.version as number, view: raw[field] as S };
  } catch {
    return null;
  }
}

/**
 * Versions rise by exactly one per message, and each message carries the whole view: an old
 * message is ignored, the next one replaces the view, a gap means reload.
 */
export function wholeViewReconciler<S extends { version: number }>() {
  const applyMessage = (state: S, msg: WholeViewMessage<S>) => {
    if (msg.version <= state.version) return { state, needsReload: false };
    if (msg.version > state.version + 1) return { state, needsReload: true };
    return { state: { ...msg.view, version: msg.version }, needsReload: false };
  };
  return {
    applyMessage,
    applyMessages(state: S, messages: readonly WholeViewMessage<S>[]) {
      const ordered = messages.slice().sort((a, b) => a.version - b.version);
      let current = state;
      for (let i = 0; i < ordered.length; i++) {
        const msg = ordered[i];
        if (!msg) continue;
        const result = applyMessage(current, msg);
        if (result.needsReload) {
          return { state: current, needsReload: true, pending: ordered.slice(i).filter((m) => m.version > current.version) };
        }
        current = result.state;
      }
      return { state: current, needsReload: false, pending: [] as WholeViewMessage<S>[] };
    },
    adoptSnapshot(current: S | null, loaded: S): S {
      return current && current.version > loaded.version ? current : loaded;
    },
  };
}

export function currentItem(meeting: MeetingSnapshot): AgendaItem | null {
  return meeting.agenda.find((i) => i.id === meeting.currentItemId) ?? null;
}

export function isMember(meeting: MeetingSnapshot, participantId: string | null): boolean {
  return participantId !== null && meeting.steeringGroup.some((p) => p.participantId === participantId);
}

export function optionLabel(decision: Decision, optionId: string | null): string {
  return decision.options.find((o) => o.id === optionId)?.label ?? '';
}

/** The decision the room looks at: the latest open one, else the latest closed one. */
export function focusDecision(meeting: MeetingSnapshot): Decision | null {
  const open = meeting.decisions.filter((d) => d.state === 'open');
  return open[open.length - 1] ?? meeting.decisions[meeting.decisions.length - 1] ?? null;
}

/**
 * ISO week-numbering year and week of a date ("2020-10-30" → 2020, 44), for placing
 * milestones on the timeline.
 */
export function isoWeek(date: string): { year: number; week: number } {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return { year: d.getUTCFullYear(), week };
}

/** The weeks from the start date's week to the end date's, in order (crossing the year). */
export function weeksBetween(start: string, end: string): { year: number; week: number }[] {
  const weeks: { year: number; week: number }[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`);
  const add = (w: { year: number; week: number }) => {
    if (!weeks.some((x) => x.year === w.year && x.week === w.week)) weeks.push(w);
  };
  while (d.getTime() <= last.getTime() && weeks.length < 120) {
    add(isoWeek(d.toISOString().slice(0, 10)));
    d.setUTCDate(d.getUTCDate() + 7);
  }
  add(isoWeek(end));
  return weeks;
}

/** Each area's lights across the meetings' reports, oldest first: the traffic lights' history. */
export function lightHistory(reports: readonly StatusReport[]): { area: string; lights: (Light | null)[] }[] {
  const areas: string[] = [];
  reports.forEach((r) => r.rows.forEach((row) => { if (!areas.includes(row.area)) areas.push(row.area); }));
  return areas.map((area) => ({
    area,
    lights: reports.map((r) => r.rows.find((row) => row.area === area)?.light ?? null),
  }));
}

/**
 * Late, as the server's rule: not reached and past due, or reached after due. Computed here too
 * because pushed records do not carry lateness (it depends on the day).
 */
export function isLate(m: Pick<Milestone, 'due' | 'reachedOn'>, today: string): boolean {
  if (!m.due) return false;
  return m.reachedOn === null ? today > m.due : m.reachedOn > m.due;
}

export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
