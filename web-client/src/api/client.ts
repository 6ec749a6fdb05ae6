import type {
  AgendaRequest, FactsRequest, MeetingSnapshot, OpenDecisionRequest, Organisations, RecordsSnapshot, StatusRowRequest,
} from '../meeting/meetingModel';
import type {
  AddCapabilityRequest,
  AuditTrail,
  Ballot,
  MyBallot,
  OpenScenarioVoteRequest,
  Scenario,
  ScenarioDefinition,
  ScenarioVote,
  ChainVerification,
  CreateWorkshopRequest,
  CreateWorkshopResponse,
  EditRiskRequest,
  JoinRequest,
  JoinResponse,
  LoginRequest,
  LoginResponse,
  MyRatings,
  OpenRoundRequest,
  OpenRoundResponse,
  Participation,
  Problem,
  ProjectSummary,
  RateResponse,
  ResponsibilityMode,
  Results,
  ResultsScope,
  ProposeRiskRequest,
  ReassessRiskRequest,
  RegisterRiskRequest,
  RiskActionRequest,
  RiskOutcome,
  RiskRegisterSnapshot,
  Replayed,
  Score,
  VersionResponse,
  WorkshopSnapshot,
  WorkshopSummary,
} from './types';

const NO_MODES = { own: 0, collaboration: 0, procurement: 0, agreed: null } as const;

/**
 * Fills in what a snapshot of an older server (before rounds) leaves out, so that screens
 * can rely on every field.
 */
export function normaliseSnapshot(raw: WorkshopSnapshot): WorkshopSnapshot {
  const rounds = raw.rounds ?? [];
  return {
    ...raw,
    rounds,
    scenarios: (raw.scenarios ?? []).map(normaliseScenario),
    scenarioVotes: (raw.scenarioVotes ?? []) as ScenarioVote[],
    dimensions: raw.dimensions ?? [],
    mode: raw.mode ?? (rounds.length > 0 ? 'rounds' : 'free'),
    capabilities: raw.capabilities.map((c) => (c.modes ? c : { ...c, modes: NO_MODES })),
  };
}

/** A scenario's id may come as a plain string or as the server's `{ "value" }` id object. */
export function normaliseScenario(raw: Scenario): Scenario {
  const id: unknown = raw.id;
  const plain = typeof id === 'object' && id !== null && 'value' in id ? String((id as { value: unknown }).value) : String(id);
  return { ...raw, id: plain, description: raw.description ?? '', capabilityIds: raw.capabilityIds ?? [] };
}

/** Whose token a request carries; a 401 on it clears that session. */
export type CredentialKind = 'facilitator' | 'participant';

export interface Credential {
  kind: CredentialKind;
  token: string;
}

/** A refused or failed request. `status` 0 means the server was not reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? (status === 0 ? 'Network error' : `HTTP ${status}`));
    this.name = 'ApiError';
  }

  /** The text to show a user: the problem's detail, else its title. */
  get detail(): string | null {
    return this.problem?.detail ?? this.problem?.title ?? null;
  }
}

export function isApiError(error: unknown, ...statuses: number[]): error is ApiError {
  return error instanceof ApiError && (statuses.length === 0 || statuses.includes(error.status));
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  fetch?: FetchLike;
  baseUrl?: string;
  /** Called when the server rejects a credential (401): expired, forged or revoked. */
  onUnauthorized?: (kind: CredentialKind) => void;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : null;
  } catch {
    return null;
  }
}

const path = (strings: TemplateStringsArray, ...ids: string[]): string =>
  strings.reduce((out, s, i) => out + s + (i < ids.length ? encodeURIComponent(ids[i] ?? '') : ''), '');

export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl ?? '/api/v1';

  async function request<T>(
    method: string,
    url: string,
    credential: Credential | null,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    // A retry with the same key is answered with the first answer and never counts twice.
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (credential) headers['Authorization'] = `Bearer ${credential.token}`;
    let response: Response;
    try {
      response = await doFetch(baseUrl + url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, null);
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      if (response.status === 401 && credential) options.onUnauthorized?.(credential.kind);
      throw new ApiError(response.status, problem);
    }
    if (response.status === 204) return undefined as T;
    // The server is the contract's other half; its bodies are taken as the documented types.
    return (await response.json()) as T;
  }

  /** A file the server makes (exports): fetched with the token, since a plain link cannot carry it. */
  async function file(url: string, credential: Credential): Promise<Blob> {
    let response: Response;
    try {
      response = await doFetch(baseUrl + url, { headers: { Authorization: `Bearer ${credential.token}` } });
    } catch {
      throw new ApiError(0, null);
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      if (response.status === 401) options.onUnauthorized?.(credential.kind);
      throw new ApiError(response.status, problem);
    }
    return response.blob();
  }

  return {
    login: (req: LoginRequest) => request<LoginResponse>('POST', '/auth/login', null, req),
    join: (req: JoinRequest) => request<JoinResponse>('POST', '/join', null, req),
    listWorkshops: (c: Credential) => request<WorkshopSummary[]>('GET', '/workshops', c),
    createWorkshop: (c: Credential, req: CreateWorkshopRequest) =>
      request<CreateWorkshopResponse>('POST', '/workshops', c, req),
    getWorkshop: async (c: Credential, id: string) =>
      normaliseSnapshot(await request<WorkshopSnapshot>('GET', path`/workshops/${id}`, c)),
    /** The caller's own ratings: of free rating, or of one round when `roundId` is given. */
    myRatings: (c: Credential, id: string, roundId?: string | null) =>
      request<MyRatings>(
        'GET',
        path`/workshops/${id}/my-ratings` + (roundId ? `?round=${encodeURIComponent(roundId)}` : ''),
        c,
      ),
    rate: (
      c: Credential,
      id: string,
      capabilityId: string,
      score: Score,
      dimension?: string | null,
      idempotencyKey?: string,
    ) =>
      request<RateResponse>(
        'PUT',
        path`/workshops/${id}/capabilities/${capabilityId}/rating`,
        c,
        dimension ? { score, dimension } : { score },
        idempotencyKey,
      ),
    openRound: (c: Credential, id: string, req: OpenRoundRequest) =>
      request<OpenRoundResponse>('POST', path`/workshops/${id}/rounds`, c, req),
    closeRound: (c: Credential, id: string, roundId: string) =>
      request<VersionResponse>('POST', path`/workshops/${id}/rounds/${roundId}/close`, c),
    revealRound: (c: Credential, id: string, roundId: string) =>
      request<VersionResponse>('POST', path`/workshops/${id}/rounds/${roundId}/reveal`, c),
    participation: (c: Credential, id: string, roundId: string) =>
      request<Participation>('GET', path`/workshops/${id}/rounds/${roundId}/participation`, c),
    voteResponsibility: (c: Credential, id: string, capabilityId: string, mode: ResponsibilityMode) =>
      request<VersionResponse>('PUT', path`/workshops/${id}/capabilities/${capabilityId}/responsibility`, c, { mode }),
    recordAgreedResponsibility: (c: Credential, id: string, capabilityId: string, mode: ResponsibilityMode) =>
      request<VersionResponse>('PUT', path`/workshops/${id}/capabilities/${capabilityId}/agreed-responsibility`, c, {
        mode,
      }),
    workshopResults: (c: Credential, id: string, scope: ResultsScope = 'current') =>
      request<Results>('GET', path`/workshops/${id}/results` + `?round=${encodeURIComponent(scope)}`, c),
    project: (c: Credential, projectId: string) => request<ProjectSummary>('GET', path`/projects/${projectId}`, c),
    projectResults: (c: Credential, projectId: string) =>
      request<Results>('GET', path`/projects/${projectId}/results`, c),
    /** `query` is a ready query string (see audit/trail.ts), empty or starting with '?'. */
    projectAudit: (c: Credential, projectId: string, query: string) =>
      request<AuditTrail>('GET', path`/projects/${projectId}/audit` + query, c),
    workshopAudit: (c: Credential, workshopId: string, query: string) =>
      request<AuditTrail>('GET', path`/workshops/${workshopId}/audit` + query, c),
    verifyChain: (c: Credential, projectId: string) =>
      request<ChainVerification>('GET', path`/projects/${projectId}/audit/verify`, c),
    /**
     * The replayed workshop is a snapshot like GET /workshops/{id}'s and needs the same filling
     * in: the server sends no `mode`, and the dashboard shows free rating only where it is "free".
     */
    replay: async (c: Credential, workshopId: string, version: number) => {
      const replayed = await request<Replayed>('GET', path`/workshops/${workshopId}/replay?version=` + String(version), c);
      return { ...replayed, workshop: normaliseSnapshot(replayed.workshop) };
    },
    defineScenario: (c: Credential, id: string, scenarioId: string, scenario: ScenarioDefinition) =>
      request<VersionResponse>('PUT', path`/workshops/${id}/scenarios/${scenarioId}`, c, scenario),
    openScenarioVote: (c: Credential, id: string, req: OpenScenarioVoteRequest) =>
      request<{ voteId: string; version: number }>('POST', path`/workshops/${id}/scenario-votes`, c, req),
    castBallot: (c: Credential, id: string, voteId: string, ballot: Ballot) =>
      request<VersionResponse>('PUT', path`/workshops/${id}/scenario-votes/${voteId}/ballot`, c, ballot),
    /** The caller's own ballot; a 404 means they have not voted yet. */
    myBallot: (c: Credential, id: string, voteId: string) =>
      request<MyBallot>('GET', path`/workshops/${id}/scenario-votes/${voteId}/my-ballot`, c),
    closeScenarioVote: (c: Credential, id: string, voteId: string) =>
      request<VersionResponse>('POST', path`/workshops/${id}/scenario-votes/${voteId}/close`, c),
    revealScenarioVote: (c: Credential, id: string, voteId: string) =>
      request<VersionResponse>('POST', path`/workshops/${id}/scenario-votes/${voteId}/reveal`, c),
    addCapability: (c: Credential, projectId: string, req: AddCapabilityRequest) =>
      request<{ capabilityId: string }>('POST', path`/projects/${projectId}/capabilities`, c, req),
    renameCapability: (c: Credential, projectId: string, capabilityId: string, name: { sv: string; en?: string }) =>
      request<{ capabilityId: string }>('PUT', path`/projects/${projectId}/capabilities/${capabilityId}/name`, c, name),
    moveCapability: (c: Credential, projectId: string, capabilityId: string, categoryId: string, parentId: string | null) =>
      request<{ capabilityId: string }>('PUT', path`/projects/${projectId}/capabilities/${capabilityId}/place`, c, {
        categoryId,
        parentId,
      }),
    retireCapability: (c: Credential, projectId: string, capabilityId: string) =>
      request<{ capabilityId: string }>('POST', path`/projects/${projectId}/capabilities/${capabilityId}/retire`, c),
    /** `url` below the API root, e.g. from exportPaths in audit/trail.ts. */
    download: (c: Credential, url: string) => file(url, c),
    risks: riskCommands(request),
    meeting: meetingCommands(request),
    // --- accounts and join options (issue 9) ---
    accounts: accountCommands(request),
    joinOptions: (code: string) =>
      request<{ organisations: Organisations }>('GET', `/join-options?code=${encodeURIComponent(code)}`, null),
    // --- end accounts and join options ---
  };
}

interface Outcome { id: string; version: number }

/** A workshop's meeting and a project's records: reads and commands (docs/api.md, "Meetings"). */
function meetingCommands(request: Request) {
  const base = (w: string) => path`/workshops/${w}/meeting`;
  return {
    get: (c: Credential, w: string) => request<MeetingSnapshot>('GET', base(w), c),
    records: (c: Credential, p: string) => request<RecordsSnapshot>('GET', path`/projects/${p}/records`, c),
    moveTo: (c: Credential, w: string, itemId: string | null) =>
      request<Outcome>('PUT', `${base(w)}/current`, c, { itemId }),
    myVotes: (c: Credential, w: string) => request<Record<string, string>>('GET', `${base(w)}/my-votes`, c),
    present: (c: Credential, w: string) => request<Outcome>('PUT', `${base(w)}/presence`, c),
    setRole: (c: Credential, w: string, participantId: string, steeringGroup: boolean) =>
      request<Outcome>('PUT', `${base(w)}${path`/roles/${participantId}`}`, c, { steeringGroup }),
    vote: (c: Credential, w: string, d: string, option: string) =>
      request<Outcome>('PUT', `${base(w)}${path`/decisions/${d}`}/vote`, c, { option }),
    close: (c: Credential, w: string, d: string) =>
      request<Outcome>('POST', `${base(w)}${path`/decisions/${d}`}/close`, c),
    open: (c: Credential, w: string, req: OpenDecisionRequest) => request<Outcome>('POST', `${base(w)}/decisions`, c, req),
    setAgenda: (c: Credential, w: string, req: AgendaRequest) => request<Outcome>('PUT', `${base(w)}/agenda`, c, req),
    addPlanVersion: (c: Credential, p: string, version: string, note: string | null) =>
      request<Outcome>('POST', path`/projects/${p}/records/plan-versions`, c, { version, note }),
    setMilestone: (c: Credential, p: string, id: string, m: { name: string; planned: string | null; due: string | null; reachedOn: string | null }) =>
      request<Outcome>('PUT', path`/projects/${p}/records/milestones/${id}`, c, m),
    reportStatus: (c: Credential, p: string, w: string, rows: StatusRowRequest[]) =>
      request<Outcome>('PUT', path`/projects/${p}/records/status-reports/${w}`, c, { rows }),
    // Personal data (issue 6): the facilitator erases a participant's name and organisation.
    erase: (c: Credential, w: string, participantId: string) =>
      request<{ version: number }>('DELETE', path`/workshops/${w}/participants/${participantId}/personal-data`, c),
    // --- steering records: facts, timeline, organisations, evidence at a version (issues 5 and 9) ---
    setFacts: (c: Credential, p: string, facts: FactsRequest) =>
      request<Outcome>('PUT', path`/projects/${p}/records/facts`, c, facts),
    setActivity: (c: Credential, p: string, id: string, a: { name: string; startWeek: string; endWeek: string }) =>
      request<Outcome>('PUT', path`/projects/${p}/records/activities/${id}`, c, a),
    removeActivity: (c: Credential, p: string, id: string) =>
      request<Outcome>('DELETE', path`/projects/${p}/records/activities/${id}`, c),
    setOrganisations: (c: Credential, p: string, o: { organisations: string[]; allowOther: boolean }) =>
      request<Outcome>('PUT', path`/projects/${p}/records/organisations`, c, o),
    recordsAt: (c: Credential, p: string, version: number) =>
      request<RecordsSnapshot>('GET', `${path`/projects/${p}/records`}?version=${version}`, c),
    risksAt: (c: Credential, p: string, version: number) =>
      request<RiskRegisterSnapshot>('GET', `${path`/projects/${p}/risks`}?version=${version}`, c),
    // --- end steering records ---
  };
}

/** An account as the admin screen shows it. */
export interface Account { username: string; admin: boolean; disabled: boolean; createdAt: string }
/** A generated password is answered once, for the admin to hand over; null when the admin chose it. */
export interface AccountCredentials { username: string; generatedPassword: string | null }

/** The admin's management of facilitator accounts (docs/api.md, "Accounts"). */
function accountCommands(request: Request) {
  return {
    list: (c: Credential) => request<Account[]>('GET', '/accounts', c),
    create: (c: Credential, username: string) => request<AccountCredentials>('POST', '/accounts', c, { username }),
    setDisabled: (c: Credential, username: string, disabled: boolean) =>
      request<Account>('PUT', `${path`/accounts/${username}`}/disabled`, c, { disabled }),
    resetPassword: (c: Credential, username: string) =>
      request<AccountCredentials>('POST', `${path`/accounts/${username}`}/password`, c, {}),
  };
}

type Request = <T>(method: string, url: string, credential: Credential | null, body?: unknown) => Promise<T>;

/** The risk register of a project: reads and commands (docs/api.md, "Risk register"). */
function riskCommands(request: Request) {
  const base = (p: string) => path`/projects/${p}/risks`;
  const risk = (p: string, r: string) => `${base(p)}${path`/${r}`}`;
  const post = (c: Credential, url: string, body?: unknown) => request<RiskOutcome>('POST', url, c, body);
  return {
    get: (c: Credential, p: string) => request<RiskRegisterSnapshot>('GET', base(p), c),
    register: (c: Credential, p: string, req: RegisterRiskRequest) => post(c, base(p), req),
    edit: (c: Credential, p: string, r: string, req: EditRiskRequest) =>
      request<RiskOutcome>('PUT', risk(p, r), c, req),
    reassess: (c: Credential, p: string, r: string, req: ReassessRiskRequest) =>
      post(c, `${risk(p, r)}/assessments`, req),
    addAction: (c: Credential, p: string, r: string, req: RiskActionRequest) => post(c, `${risk(p, r)}/actions`, req),
    updateAction: (c: Credential, p: string, r: string, a: string, req: RiskActionRequest) =>
      request<RiskOutcome>('PUT', `${risk(p, r)}${path`/actions/${a}`}`, c, req),
    changeState: (c: Credential, p: string, r: string, to: 'mitigate' | 'close' | 'reopen', reason?: string) =>
      post(c, `${risk(p, r)}/${to}`, { reason: reason ?? null }),
    propose: (c: Credential, p: string, req: ProposeRiskRequest) => post(c, `${base(p)}/proposals`, req),
    decide: (c: Credential, p: string, proposalId: string, decision: 'accept' | 'decline') =>
      post(c, `${base(p)}${path`/proposals/${proposalId}`}/${decision}`, {}),
    openEstimate: (c: Credential, p: string, r: string) => post(c, `${risk(p, r)}/estimate`),
    estimate: (c: Credential, p: string, r: string, probability: Score, impact: Score) =>
      request<RiskOutcome>('PUT', `${risk(p, r)}/estimate/mine`, c, { probability, impact }),
    reveal: (c: Credential, p: string, r: string) => post(c, `${risk(p, r)}/estimate/reveal`),
    adopt: (c: Credential, p: string, r: string, probability: Score, impact: Score, reason?: string) =>
      post(c, `${risk(p, r)}/estimate/adopt`, { probability, impact, reason: reason ?? null }),
    discardEstimate: (c: Credential, p: string, r: string) =>
      request<RiskOutcome>('DELETE', `${risk(p, r)}/estimate`, c),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
