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
  /** Whether the account manages the other accounts (older servers leave it out). */
  admin?: boolean;
}

export interface CreateWorkshopRequest {
  title: string;
  template?: string;
  projectId?: string;
  /** An exported (or hand-written) capability model: starts a new project with it. */
  model?: unknown;
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

/**
 * Every rating figure of the API: of a capability's free rating, of a round result, of a
 * results entry. The figures are null when count is 0.
 */
export interface RatingAggregate {
  count: number;
  mean: number | null;
  median: number | null;
  /** Population standard deviation: the spread. */
  stddev: number | null;
  /** 1 − stddev / 2: 1 when everyone agrees, 0 when split evenly between 1 and 5. */
  agreement: number | null;
  /** distribution[i] counts the ratings with score i + 1; always five entries. */
  distribution: readonly number[];
}

/** How a capability is upheld: by the municipality itself, through collaboration, or procurement. */
export type ResponsibilityMode = 'OWN' | 'COLLABORATION' | 'PROCUREMENT';

export const RESPONSIBILITY_MODES: readonly ResponsibilityMode[] = ['OWN', 'COLLABORATION', 'PROCUREMENT'];

/** The participants' responsibility-mode votes of a capability and the mode the workshop agreed. */
export interface ModeVotes {
  own: number;
  collaboration: number;
  procurement: number;
  agreed: ResponsibilityMode | null;
}

export interface Capability {
  id: string;
  /** Set for sub-capabilities; they follow their parent in model order. */
  parentId: string | null;
  category: string;
  name: LocalizedText;
  /** The free rating (rounds carry their own results). */
  rating: RatingAggregate;
  modes: ModeVotes;
  /** Retired capabilities keep their ratings but take no new ones. */
  retired?: boolean;
}

/** A dimension every capability is built of: processes, people, tools in the Fyrbodal model. */
export interface Dimension {
  id: string;
  name: LocalizedText;
}

export type ScopeKind = 'ALL' | 'CATEGORY' | 'SUBTREE' | 'CAPABILITY';

export interface RoundScope {
  kind: ScopeKind;
  /** A category id or a capability id; null for ALL. */
  target: string | null;
}

export type RatingMode = 'OVERALL' | 'PER_DIMENSION';

export type RoundState = 'open' | 'closed' | 'revealed';

/** A round's result for one capability, overall (dimension null) or on one dimension. */
export interface RoundResult {
  capabilityId: string;
  dimension: string | null;
  rating: RatingAggregate;
}

export interface Round {
  id: string;
  number: number;
  scope: RoundScope;
  capabilityIds: readonly string[];
  ratingMode: RatingMode;
  anonymous: boolean;
  sealed: boolean;
  state: RoundState;
  timedOut: boolean;
  openedAt: string | null;
  deadline: string | null;
  closedAt: string | null;
  revealedAt: string | null;
  voterCount: number;
  /** null while a sealed round is not revealed, for everyone. */
  results: readonly RoundResult[] | null;
}

export type WorkshopMode = 'free' | 'rounds';

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
  /** "free" until the facilitator opens a first round, then "rounds". */
  mode: WorkshopMode;
  dimensions: readonly Dimension[];
  /** In round-number order. */
  rounds: readonly Round[];
  scenarios: readonly Scenario[];
  /** In the order they were opened. */
  scenarioVotes: readonly ScenarioVote[];
}

export type CostKind = 'ONE_OFF' | 'PER_YEAR';
export type Priority = 'HIGH' | 'MEDIUM' | 'LOW';
export const PRIORITIES: readonly Priority[] = ['HIGH', 'MEDIUM', 'LOW'];

/** A way forward to weigh: the capabilities it strengthens, its cost, duration and priority. */
export interface Scenario {
  id: string;
  name: string;
  description: string;
  capabilityIds: readonly string[];
  costSek: number;
  costKind: CostKind;
  durationMonths: number;
  priority: Priority;
}

export type ScenarioDefinition = Omit<Scenario, 'id'>;

export type ScenarioVoteMethod = 'DOTS' | 'RANK';

export interface ScenarioTally {
  scenarioId: string;
  dots: number;
  /** Borda points of a ranking: n−1 for a first place … 0 for a last. */
  points: number;
  firstPlaces: number;
}

export interface ScenarioVote {
  id: string;
  method: ScenarioVoteMethod;
  dotsPerPerson: number;
  sealed: boolean;
  scenarioIds: readonly string[];
  state: RoundState;
  voterCount: number;
  /** null while a sealed vote is not revealed. */
  results: readonly ScenarioTally[] | null;
}

export interface OpenScenarioVoteRequest {
  method: ScenarioVoteMethod;
  dotsPerPerson?: number;
  sealed?: boolean;
}

/** A participant's ballot: dots per scenario, or every scenario in order. */
export type Ballot = { dots: Record<string, number> } | { ranking: readonly string[] };

export interface MyBallot {
  voteId: string;
  dots: Record<string, number> | null;
  ranking: readonly string[] | null;
}

export interface AddCapabilityRequest {
  capabilityId?: string;
  name: { sv: string; en?: string };
  categoryId: string;
  parentId?: string | null;
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
  /** Required in a PER_DIMENSION round, refused elsewhere. */
  dimension?: string;
}

export interface RateResponse {
  capabilityId: string;
  dimension?: string | null;
  score: Score;
  version: number;
}

/**
 * GET /workshops/{id}/my-ratings[?round=…]: capability id (or `capabilityId/dimension` for
 * dimension ratings) → the caller's kept score.
 */
export type MyRatings = Readonly<Record<string, number>>;

export interface OpenRoundRequest {
  scope?: { kind: ScopeKind; target?: string };
  ratingMode?: RatingMode;
  anonymous?: boolean;
  sealed?: boolean;
  /** 10 to 86400. */
  timeLimitSeconds?: number;
}

export interface OpenRoundResponse {
  roundId: string;
  version: number;
}

export interface VersionResponse {
  version: number;
}

/** Who has voted in a round: names, never values; always empty name lists for anonymous rounds. */
export interface Participation {
  roundId: string;
  voted: number;
  notVoted: number;
  votedNames: readonly string[];
  notVotedNames: readonly string[];
}

/** `current` (default), `free`, or a round id. */
export type ResultsScope = string;

export interface CapabilityResult {
  capabilityId: string;
  parentId: string | null;
  category: string;
  name: LocalizedText;
  region: RatingAggregate;
  byDimension: Readonly<Record<string, RatingAggregate>>;
  byOrganisation: Readonly<Record<string, RatingAggregate>>;
}

export interface HeatCell {
  count: number;
  mean: number | null;
  agreement: number | null;
  lowAgreement: boolean;
}

/** Rows are organisations, columns capabilities in capabilityIds order. */
export interface Heatmap {
  organisations: readonly string[];
  capabilityIds: readonly string[];
  rows: ReadonlyArray<readonly HeatCell[]>;
}

export interface Highlight {
  capabilityId: string;
  name: LocalizedText;
  mean: number;
  agreement: number;
  count: number;
  organisations: number;
}

/** GET /workshops/{id}/results and GET /projects/{id}/results: the capability picture. */
export interface Results {
  scope: string;
  ratingCount: number;
  organisations: readonly string[];
  capabilities: readonly CapabilityResult[];
  heatmap: Heatmap;
  strengths: readonly Highlight[];
  weaknesses: readonly Highlight[];
}

export interface ProjectSummary {
  id: string;
  name: string;
  templateId: string;
  createdBy: string;
  createdAt: string;
}

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

export interface RoundOpenedMessage {
  type: 'round.opened';
  version: number;
  round: Round;
}

/** A rating in a sealed round: how many have voted, never what. */
export interface RoundProgressMessage {
  type: 'round.progress';
  version: number;
  roundId: string;
  voterCount: number;
}

/** A rating in a live round, with the capability's (or dimension's) new aggregate in it. */
export interface RoundRatedMessage {
  type: 'round.rated';
  version: number;
  roundId: string;
  capabilityId: string;
  dimension: string | null;
  rating: RatingAggregate;
  voterCount: number;
}

export interface RoundClosedMessage {
  type: 'round.closed';
  version: number;
  roundId: string;
  timedOut: boolean;
}

export interface RoundRevealedMessage {
  type: 'round.revealed';
  version: number;
  roundId: string;
  results: readonly RoundResult[];
}

export interface ResponsibilityChangedMessage {
  type: 'responsibility.changed';
  version: number;
  capabilityId: string;
  modes: ModeVotes;
}

// Participant removal (reliability and security, issue 7).
/** The facilitator removed a participant: the new count and who it was. */
export interface ParticipantRemovedMessage {
  type: 'participant.removed';
  version: number;
  participantCount: number;
  participantId: string;
}

export type LiveMessage =
  | ParticipantJoinedMessage
  | ParticipantRemovedMessage
  | CapabilityRatedMessage
  | RoundOpenedMessage
  | RoundProgressMessage
  | RoundRatedMessage
  | RoundClosedMessage
  | RoundRevealedMessage
  | ResponsibilityChangedMessage
  | ScenarioDefinedMessage
  | ScenarioVoteChangedMessage
  | WorkshopChangesMessage;

/**
 * Several changes of a busy workshop conflated into one push (the server sends at most one such
 * push per workshop per short interval): they brought the workshop from version `since` to
 * `version`, and it carries the latest state of what they touched. A state at a version from
 * `since` up takes it; one below `since` missed something and reloads.
 */
export interface WorkshopChangesMessage {
  type: 'workshop.changes';
  version: number;
  since: number;
  participantCount: number;
  capabilities: ReadonlyArray<{ id: string; rating: RatingAggregate; modes: ModeVotes }>;
  rounds: readonly Round[];
  scenarioVotes: readonly ScenarioVote[];
}

export interface ScenarioDefinedMessage {
  type: 'scenario.defined';
  version: number;
  scenario: Scenario;
}

/** A scenario vote opened, got a ballot, closed or was revealed: the vote as anyone may see it. */
export interface ScenarioVoteChangedMessage {
  type: 'scenario-vote.changed';
  version: number;
  vote: ScenarioVote;
}

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
