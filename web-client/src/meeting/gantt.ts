/** The timeline's pure logic: ISO weeks (`2020-W41`), the span of the Gantt view, and the facts form's checks. */
import { isoWeek, weeksBetween, type Activity, type Facts, type FactsRequest, type Milestone } from './meetingModel';

export interface Week { year: number; week: number }

/** Reads `2020-W41` (or `2020-W4`); null when it is no ISO week or the year has no such week (2021-W53). */
export function parseWeek(text: string): Week | null {
  const m = /^(\d{4})-W(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > 53) return null;
  const monday = weekMonday({ year, week });
  const back = isoWeek(monday);
  return back.year === year && back.week === week ? { year, week } : null;
}

/** The Monday of an ISO week, as 2020-10-05. */
export function weekMonday(w: Week): string {
  const jan4 = new Date(Date.UTC(w.year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (w.week - 1) * 7 * 86400000);
  return monday.toISOString().slice(0, 10);
}

export function compareWeeks(a: Week, b: Week): number {
  return a.year !== b.year ? a.year - b.year : a.week - b.week;
}

/** "v. 41–43", or with the years when the span crosses one: "v. 53 2020 – v. 2 2021". */
export function weekSpanLabel(startWeek: string, endWeek: string): string {
  const a = parseWeek(startWeek);
  const b = parseWeek(endWeek);
  if (!a || !b) return `${startWeek} – ${endWeek}`;
  if (a.year === b.year) return a.week === b.week ? `v. ${a.week}` : `v. ${a.week}–${b.week}`;
  return `v. ${a.week} ${a.year} – v. ${b.week} ${b.year}`;
}

/**
 * The weeks the Gantt view shows: from the earliest of the project's start, its activities and
 * its milestones to the latest of them, in order across the year boundary. Empty when nothing is dated.
 */
/**
 * The id the activity form offers for a new activity: one past the highest number in use, so a
 * removed activity's gap is not filled by overwriting the one after it (A1, A3 → A4).
 */
export function nextActivityId(activities: readonly Activity[]): string {
  const numbers = activities.map((a) => Number(/^A(\d+)$/.exec(a.id)?.[1] ?? 0));
  return `A${Math.max(0, ...numbers) + 1}`;
}

export function ganttWeeks(facts: Facts | null, activities: readonly Activity[], milestones: readonly Milestone[]): Week[] {
  const dates: string[] = [];
  if (facts?.startDate) dates.push(facts.startDate);
  if (facts?.endDate) dates.push(facts.endDate);
  for (const a of activities) {
    const s = parseWeek(a.startWeek);
    const e = parseWeek(a.endWeek);
    if (s) dates.push(weekMonday(s));
    if (e) dates.push(weekMonday(e));
  }
  for (const m of milestones) {
    for (const d of [m.planned, m.due, m.reachedOn]) if (d) dates.push(d);
  }
  if (dates.length === 0) return [];
  dates.sort();
  return weeksBetween(dates[0] ?? '', dates[dates.length - 1] ?? '');
}

/** The position of a week in the view, or -1. */
export function weekIndex(weeks: readonly Week[], w: Week | null): number {
  return w ? weeks.findIndex((x) => x.year === w.year && x.week === w.week) : -1;
}

/** The form of the project facts as typed: lists one a line, the cost as digits. */
export interface FactsForm {
  name: string; goal: string; totalCostSek: string; financing: string; municipalContribution: string;
  startDate: string; endDate: string; deliverables: string;
}

export type FactsField = keyof FactsForm;

export function factsToForm(facts: Facts | null): FactsForm {
  return {
    name: facts?.name ?? '', goal: facts?.goal ?? '',
    totalCostSek: facts?.totalCostSek === null || facts?.totalCostSek === undefined ? '' : String(facts.totalCostSek),
    financing: (facts?.financing ?? []).join('\n'), municipalContribution: facts?.municipalContribution ?? '',
    startDate: facts?.startDate ?? '', endDate: facts?.endDate ?? '', deliverables: (facts?.deliverables ?? []).join('\n'),
  };
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * What is wrong with the form, field by field (message keys); empty when it may be sent. The
 * server checks the same and answers 400; this only says it sooner, next to the field.
 */
export function factsErrors(form: FactsForm): Partial<Record<FactsField, 'facts.required' | 'facts.badDate' | 'facts.endBeforeStart' | 'facts.badCost'>> {
  const errors: Partial<Record<FactsField, 'facts.required' | 'facts.badDate' | 'facts.endBeforeStart' | 'facts.badCost'>> = {};
  if (form.name.trim() === '') errors.name = 'facts.required';
  const cost = form.totalCostSek.replace(/\s/g, '');
  if (cost !== '' && !/^\d+$/.test(cost)) errors.totalCostSek = 'facts.badCost';
  if (form.startDate !== '' && !isDate(form.startDate)) errors.startDate = 'facts.badDate';
  if (form.endDate !== '' && !isDate(form.endDate)) errors.endDate = 'facts.badDate';
  if (!errors.startDate && !errors.endDate && form.startDate !== '' && form.endDate !== '' && form.endDate < form.startDate) {
    errors.endDate = 'facts.endBeforeStart';
  }
  return errors;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function formToFacts(form: FactsForm): FactsRequest {
  const cost = form.totalCostSek.replace(/\s/g, '');
  return {
    name: form.name.trim(), goal: orNull(form.goal), totalCostSek: cost === '' ? null : Number(cost),
    financing: lines(form.financing), municipalContribution: orNull(form.municipalContribution),
    startDate: orNull(form.startDate), endDate: orNull(form.endDate), deliverables: lines(form.deliverables),
  };
}
