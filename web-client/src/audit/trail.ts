import type { AuditActor, AuditLine, AuditPushedMessage, AuditTrail } from '../api/types';

/** What the reader narrowed the trail to. Times are ISO instants; null means no bound. */
export interface AuditFilter {
  kinds: readonly string[];
  /** As in the event metadata: `participant:<id>`, `facilitator:<username>`. */
  actor: string | null;
  from: string | null;
  to: string | null;
}

export const NO_FILTER: AuditFilter = { kinds: [], actor: null, from: null, to: null };

/** Which trail a screen shows; the project's may be narrowed to one of its workshops. */
export type AuditScope =
  | { kind: 'project'; projectId: string; workshopId: string | null }
  | { kind: 'workshop'; workshopId: string };

/** The live stream a scope follows, and how its messages number themselves. */
export function topicOf(scope: AuditScope): string {
  return scope.kind === 'project'
    ? `/topic/projects.${scope.projectId}.audit`
    : `/topic/workshops.${scope.workshopId}.audit`;
}

/** The query string for a page (or an export when `page` is left out): empty or starting with '?'. */
export function queryString(scope: AuditScope, filter: AuditFilter, page?: { before: number | null; limit: number }): string {
  const params = new URLSearchParams();
  if (scope.kind === 'project' && scope.workshopId) params.set('workshopId', scope.workshopId);
  if (filter.kinds.length > 0) params.set('kind', filter.kinds.join(','));
  if (filter.actor) params.set('actor', filter.actor);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (page?.before != null) params.set('before', String(page.before));
  if (page) params.set('limit', String(page.limit));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Where a scope's JSON export lives, below the API root. */
export function exportPath(scope: AuditScope, filter: AuditFilter): string {
  const base =
    scope.kind === 'project'
      ? `/projects/${encodeURIComponent(scope.projectId)}/audit/export`
      : `/workshops/${encodeURIComponent(scope.workshopId)}/audit/export`;
  return base + queryString(scope, filter);
}

/** How a person is named in filters: the metadata form, or null when the reader may not know who. */
export function actorKey(actor: AuditActor): string | null {
  return actor.id ? `${actor.role}:${actor.id}` : null;
}

/** Whether a line passes the filter; the server applies the same rules to pages. */
export function matchesFilter(line: AuditLine, filter: AuditFilter, scope: AuditScope): boolean {
  if (scope.kind === 'project' && scope.workshopId && line.workshopId !== scope.workshopId) return false;
  if (filter.kinds.length > 0 && !filter.kinds.includes(line.kind)) return false;
  if (filter.actor && actorKey(line.actor) !== filter.actor) return false;
  const at = Date.parse(line.occurredAt);
  if (filter.from && at < Date.parse(filter.from)) return false;
  if (filter.to && at >= Date.parse(filter.to)) return false;
  return true;
}

export interface TrailState {
  /** The version of the live stream the entries are up to date with. */
  latest: number;
  /** Newest first. */
  entries: readonly AuditLine[];
  nextBefore: number | null;
}

export function adoptPage(page: AuditTrail): TrailState {
  return { latest: page.latest, entries: page.entries.slice(), nextBefore: page.nextBefore };
}

/** Adds an older page below the lines held, skipping any already there. */
export function appendOlder(state: TrailState, page: AuditTrail): TrailState {
  const held = new Set(state.entries.map((e) => e.id));
  return {
    ...state,
    entries: [...state.entries, ...page.entries.filter((e) => !held.has(e.id))],
    nextBefore: page.nextBefore,
  };
}

/**
 * Offers a pushed line to the state: the next version is taken (shown if it passes the
 * filter), older ones are ignored, and a gap means lines were missed and the first page must
 * be loaded again.
 */
export function applyPushed(
  state: TrailState,
  msg: AuditPushedMessage,
  filter: AuditFilter,
  scope: AuditScope,
): { state: TrailState; needsReload: boolean } {
  if (msg.version <= state.latest) return { state, needsReload: false };
  if (msg.version > state.latest + 1) return { state, needsReload: true };
  const show = matchesFilter(msg.entry, filter, scope) && !state.entries.some((e) => e.id === msg.entry.id);
  return {
    state: { ...state, latest: msg.version, entries: show ? [msg.entry, ...state.entries] : state.entries },
    needsReload: false,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one audit stream message; null for anything else. */
export function parseAuditMessage(body: string): AuditPushedMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isObject(value) || value.type !== 'audit.entry' || typeof value.version !== 'number') return null;
  const entry = value.entry;
  if (!Number.isInteger(value.version) || !isObject(entry) || typeof entry.id !== 'string') return null;
  if (!isObject(entry.actor) || !isObject(entry.summary) || typeof entry.occurredAt !== 'string') return null;
  // The rest of the line is the server's documented shape (docs/api.md).
  return { type: 'audit.entry', version: value.version, entry: entry as unknown as AuditLine };
}

/** The people a filter can offer: everyone named in the lines held, once each, by name. */
export function peopleIn(entries: readonly AuditLine[]): Array<{ key: string; label: string }> {
  const people = new Map<string, string>();
  for (const line of entries) {
    const key = actorKey(line.actor);
    if (key && !people.has(key)) {
      const label = line.actor.name ?? line.actor.id ?? key;
      people.set(key, line.actor.organisation ? `${label} (${line.actor.organisation})` : label);
    }
  }
  return [...people.entries()].map(([key, label]) => ({ key, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** A `datetime-local` input's value as an ISO instant in the browser's zone; null when empty or bad. */
export function localInputToIso(value: string): string | null {
  if (value.trim() === '') return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
