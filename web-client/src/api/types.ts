// Mirrors of the v1 HTTP and live API (docs/api.md). Field names are the server's.

export type Role = 'FACILITATOR' | 'PARTICIPANT';

/** A text in both languages of the service. */
export interface LocalizedText {
  sv: string;
  en: string;
}

/** RFC 9457 problem, as every error response carries it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: ReadonlyArray<{ field: string; message: string }>;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  username: string;
  role: 'FACILITATOR';
}

export interface CreateWorkshopRequest {
  title: string;
  template?: string;
  projectId?: string;
}

export interface CreateWorkshopResponse {
  id: string;
  projectId: string;
  joinCode: string;
}

export interface WorkshopSummary {
  id: string;
  projectId: string;
  title: string;
  joinCode: string;
  version: number;
  participantCount: number;
  createdAt: string;
}

export interface Category {
  id: string;
  name: LocalizedText;
}

export interface RatingAggregate {
  count: number;
  /** null when count is 0. */
  mean: number | null;
  /** distribution[i] counts the ratings with score i + 1; always five entries. */
  distribution: readonly number[];
}

export interface Capability {
  id: string;
  /** Set for sub-capabilities; they follow their parent in model order. */
  parentId: string | null;
  category: string;
  name: LocalizedText;
  rating: RatingAggregate;
}

export interface WorkshopSnapshot {
  id: string;
  projectId: string;
  title: string;
  joinCode: string;
  template: string;
  /** The workshop aggregate's sequence number of its last event; read atomically with the rest. */
  version: number;
  participantCount: number;
  createdAt: string;
  categories: readonly Category[];
  capabilities: readonly Capability[];
}

export interface Participant {
  id: string;
  displayName: string;
  organisation: string | null;
  joinedAt?: string;
}

export interface JoinRequest {
  joinCode: string;
  displayName: string;
  organisation?: string;
}

export interface JoinResponse {
  workshopId: string;
  participantId: string;
  token: string;
}

export type Score = 1 | 2 | 3 | 4 | 5;

export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

export interface RateRequest {
  score: Score;
}

export interface RateResponse {
  capabilityId: string;
  score: Score;
  version: number;
}

/** GET /workshops/{id}/my-ratings: capability id → the caller's kept score. */
export type MyRatings = Readonly<Record<string, number>>;

// Live messages on /topic/workshops.{id}: a union discriminated on `type`.

export interface ParticipantJoinedMessage {
  type: 'participant.joined';
  version: number;
  participantCount: number;
  participant: { id: string; displayName: string; organisation: string | null };
}

export interface CapabilityRatedMessage {
  type: 'capability.rated';
  version: number;
  capabilityId: string;
  rating: RatingAggregate;
}

export type LiveMessage = ParticipantJoinedMessage | CapabilityRatedMessage;

/**
 * A well-formed message of a type this client does not know yet. It still takes up a
 * version, so the client cannot skip it silently: it reloads the snapshot instead.
 */
export interface UnrecognisedMessage {
  type: 'unrecognised';
  version: number;
  originalType: string;
}

export type ReceivedMessage = LiveMessage | UnrecognisedMessage;

// The record: audit trail, chain verification and replay (docs/api.md, "The record").

export type AuditRole = 'facilitator' | 'participant' | 'system';

/** Who did it; only `role` (and `anonymous: true`) when the reader may not know who. */
export interface AuditActor {
  role: AuditRole | string;
  id: string | null;
  name: string | null;
  organisation: string | null;
  anonymous: boolean;
}

export interface AuditChange {
  field: string;
  label: LocalizedText;
  /** null when there was no value before. */
  from: string | null;
  to: string | null;
}

export interface AuditLine {
  id: string;
  /** The project's line number; the version of /topic/projects.{id}.audit. */
  sequence: number;
  workshopId: string | null;
  /** The workshop's line number; the version of /topic/workshops.{id}.audit. */
  workshopSequence: number | null;
  occurredAt: string;
  kind: string;
  type: string;
  actor: AuditActor;
  summary: LocalizedText;
  changes: readonly AuditChange[];
  requestId: string | null;
  correlationId: string | null;
  traceId: string | null;
  source: { aggregateType: string; aggregateId: string; sequenceNumber: number; eventType: string };
}

export interface AuditTrail {
  projectId: string;
  workshopId: string | null;
  /** The version of the live stream this trail follows. */
  latest: number;
  /** Newest first. */
  entries: readonly AuditLine[];
  /** Pass as `before` for older lines; null at the start. */
  nextBefore: number | null;
}

/** A message on an audit stream. */
export interface AuditPushedMessage {
  type: 'audit.entry';
  version: number;
  entry: AuditLine;
}

export type ChainBreakReason = 'event-altered' | 'event-missing' | 'entry-missing' | 'link-broken';

export interface ChainVerification {
  projectId: string;
  intact: boolean;
  checked: number;
  pending: number;
  head: { position: number; hash: string } | null;
  brokenAt: {
    position: number;
    globalIndex: number;
    eventIdentifier: string;
    aggregateIdentifier: string;
    sequenceNumber: number;
    reason: ChainBreakReason | string;
  } | null;
  verifiedAt: string;
}

/** A workshop as it stood after the event with `version`, rebuilt from its events. */
export interface Replayed {
  version: number;
  latestVersion: number;
  occurredAt: string;
  eventType: string;
  workshop: WorkshopSnapshot;
}
