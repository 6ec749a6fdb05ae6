import type {
  AuditTrail,
  ChainVerification,
  CreateWorkshopRequest,
  CreateWorkshopResponse,
  JoinRequest,
  JoinResponse,
  LoginRequest,
  LoginResponse,
  MyRatings,
  Problem,
  RateResponse,
  Replayed,
  Score,
  WorkshopSnapshot,
  WorkshopSummary,
} from './types';

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

  async function request<T>(method: string, url: string, credential: Credential | null, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
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
    getWorkshop: (c: Credential, id: string) => request<WorkshopSnapshot>('GET', path`/workshops/${id}`, c),
    myRatings: (c: Credential, id: string) => request<MyRatings>('GET', path`/workshops/${id}/my-ratings`, c),
    rate: (c: Credential, id: string, capabilityId: string, score: Score) =>
      request<RateResponse>('PUT', path`/workshops/${id}/capabilities/${capabilityId}/rating`, c, { score }),
    /** `query` is a ready query string (see audit/trail.ts), empty or starting with '?'. */
    projectAudit: (c: Credential, projectId: string, query: string) =>
      request<AuditTrail>('GET', path`/projects/${projectId}/audit` + query, c),
    workshopAudit: (c: Credential, workshopId: string, query: string) =>
      request<AuditTrail>('GET', path`/workshops/${workshopId}/audit` + query, c),
    verifyChain: (c: Credential, projectId: string) =>
      request<ChainVerification>('GET', path`/projects/${projectId}/audit/verify`, c),
    replay: (c: Credential, workshopId: string, version: number) =>
      request<Replayed>('GET', path`/workshops/${workshopId}/replay?version=` + String(version), c),
    /** `url` below the API root, e.g. from exportPaths in audit/trail.ts. */
    download: (c: Credential, url: string) => file(url, c),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
