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

// The risk register of a project (docs/api.md, "Risk register"): GET /projects/{id}/risks and
// live messages on /topic/projects.{id}.risks. S is `probability`, K is `impact`; the value and
// the level always come from the server.

export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';
export type RiskDecider = 'PROJECT_MANAGER' | 'TACTICAL_STEERING_GROUP' | 'COMMISSIONING_PARTY';
export type RiskState = 'OPEN' | 'MITIGATED' | 'CLOSED';
export type RiskActionStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';

export const RISK_LEVELS: readonly RiskLevel[] = ['LOW', 'MEDIUM', 'HIGH'];
export const RISK_STATES: readonly RiskState[] = ['OPEN', 'MITIGATED', 'CLOSED'];
export const RISK_ACTION_STATUSES: readonly RiskActionStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

export interface RiskAction {
  id: string;
  description: string;
  owner: string | null;
  /** ISO date (yyyy-mm-dd). */
  dueDate: string | null;
  status: RiskActionStatus;
}

export interface RiskHistoryEntry {
  version: number;
  kind: string;
  at: string;
  by: string | null;
  reason: string | null;
  probability: number | null;
  impact: number | null;
  value: number | null;
  level: RiskLevel | null;
  previousLevel: RiskLevel | null;
  basis: string | null;
  actionId: string | null;
  status: string | null;
}

export interface RiskSpread {
  min: number;
  max: number;
  mean: number;
  median: number;
}

export interface RiskEstimatePoint {
  probability: number;
  impact: number;
  value: number;
}

/** A joint estimate: while `open`, only who has estimated; values and spreads once `revealed`. */
export interface RiskEstimate {
  state: 'open' | 'revealed';
  openedAt: string;
  estimators: readonly string[];
  count: number;
  values: readonly RiskEstimatePoint[] | null;
  probability: RiskSpread | null;
  impact: RiskSpread | null;
  value: RiskSpread | null;
}

export interface Risk {
  id: string;
  sequence: number;
  threat: string;
  vulnerability: string | null;
  consequence: string | null;
  probability: number;
  impact: number;
  value: number;
  level: RiskLevel;
  decidedBy: RiskDecider;
  actionNeeded: boolean;
  owner: string | null;
  state: RiskState;
  fromProposal: string | null;
  actions: readonly RiskAction[];
  history: readonly RiskHistoryEntry[];
  estimate: RiskEstimate | null;
  registeredAt: string;
  updatedAt: string;
}

export interface RiskProposal {
  id: string;
  threat: string;
  vulnerability: string | null;
  consequence: string | null;
  probability: number;
  impact: number;
  value: number;
  level: RiskLevel;
  state: 'pending' | 'accepted' | 'declined';
  riskId: string | null;
  proposedBy: string;
  proposedByName: string | null;
  workshopId: string;
  proposedAt: string;
  reason: string | null;
}

export interface RiskEscalation {
  riskId: string;
  version: number;
  previousLevel: RiskLevel;
  level: RiskLevel;
  decidedBy: RiskDecider;
  probability: number;
  impact: number;
  value: number;
  at: string;
}

export interface RiskRegisterSnapshot {
  projectId: string;
  /** The register's sequence number of its last event; -1 before anything happened in it. */
  version: number;
  risks: readonly Risk[];
  proposals: readonly RiskProposal[];
  escalations: readonly RiskEscalation[];
}

/** What every risk command answers: the risk, proposal or action concerned and the new version. */
export interface RiskOutcome {
  id: string;
  version: number;
}

export interface RegisterRiskRequest {
  threat: string;
  vulnerability?: string;
  consequence?: string;
  probability: Score;
  impact: Score;
  actionNeeded?: boolean;
  owner?: string;
  reason?: string;
}

export interface EditRiskRequest {
  threat: string;
  vulnerability?: string | null;
  consequence?: string | null;
  actionNeeded: boolean;
  owner?: string | null;
}

export interface ReassessRiskRequest {
  probability: Score;
  impact: Score;
  reason: string;
}

export interface RiskActionRequest {
  description: string;
  owner?: string | null;
  dueDate?: string | null;
  status?: RiskActionStatus;
}

export interface ProposeRiskRequest {
  threat: string;
  vulnerability?: string;
  consequence?: string;
  probability: Score;
  impact: Score;
}

/** A live message of the risk register: the risk or proposal as it now stands, replaced by id. */
export interface RiskChangedMessage {
  /** `risk.registered`, `risk.reassessed`, `risk.escalated`, `risk.estimate-given`, … */
  type: `risk.${string}`;
  version: number;
  risk: Risk | null;
  proposal: RiskProposal | null;
  escalation: RiskEscalation | null;
}

export type ReceivedRiskMessage = RiskChangedMessage | UnrecognisedMessage;
