import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, type CredentialKind } from './client';

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function setUp(response: Response | Error) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const unauthorized: CredentialKind[] = [];
  const client = createApiClient({
    fetch: (url, init) => {
      calls.push({ url, init });
      return response instanceof Error ? Promise.reject(response) : Promise.resolve(response);
    },
    onUnauthorized: (kind) => unauthorized.push(kind),
  });
  return { client, calls, unauthorized };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const participant = { kind: 'participant' as const, token: 'ptok' };

describe('api client', () => {
  it('sends the bearer token and the JSON body', async () => {
    const t = setUp(json(200, { capabilityId: 'set-goals', score: 4, version: 12 }));
    const result = await t.client.rate(participant, 'w 1', 'set-goals', 4);
    expect(result.version).toBe(12);
    const call = t.calls[0];
    expect(call?.url).toBe('/api/v1/workshops/w%201/capabilities/set-goals/rating');
    expect(call?.init?.method).toBe('PUT');
    expect(call?.init?.body).toBe('{"score":4}');
    expect(new Headers(call?.init?.headers).get('Authorization')).toBe('Bearer ptok');
  });

  it('sends no token where none is needed', async () => {
    const t = setUp(json(201, { workshopId: 'w', participantId: 'p', token: 't' }));
    await t.client.join({ joinCode: 'K7Q2MX', displayName: 'Anna' });
    expect(new Headers(t.calls[0]?.init?.headers).has('Authorization')).toBe(false);
  });

  it('parses a problem response', async () => {
    const problem = { title: 'Invalid request', status: 400, detail: 'score: must be between 1 and 5' };
    const t = setUp(json(400, problem, 'application/problem+json'));
    const error = await rejection(t.client.rate(participant, 'w', 'c', 5));
    expect(error.status).toBe(400);
    expect(error.detail).toBe('score: must be between 1 and 5');
    expect(error.problem?.title).toBe('Invalid request');
    expect(t.unauthorized).toEqual([]);
  });

  it('copes with an error that is not a problem', async () => {
    const t = setUp(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const error = await rejection(t.client.getWorkshop(participant, 'w'));
    expect(error.status).toBe(502);
    expect(error.detail).toBeNull();
  });

  it('reports a 401 on a credential so the session can be cleared', async () => {
    const t = setUp(json(401, { status: 401, title: 'Unauthorized' }, 'application/problem+json'));
    await rejection(t.client.listWorkshops({ kind: 'facilitator', token: 'old' }));
    expect(t.unauthorized).toEqual(['facilitator']);
  });

  it('does not treat a failed login as an expired session', async () => {
    const onUnauthorized = vi.fn();
    const client = createApiClient({
      fetch: () => Promise.resolve(json(401, { status: 401 }, 'application/problem+json')),
      onUnauthorized,
    });
    const error = await rejection(client.login({ username: 'admin', password: 'wrong' }));
    expect(error.status).toBe(401);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('turns a network failure into status 0', async () => {
    const t = setUp(new TypeError('Failed to fetch'));
    const error = await rejection(t.client.myRatings(participant, 'w'));
    expect(error.status).toBe(0);
  });

  it('reads the record: trails with their query, verification, replay and files', async () => {
    const facilitator = { kind: 'facilitator' as const, token: 'ftok' };
    const urls: string[] = [];
    const client = createApiClient({
      fetch: (url) => {
        urls.push(url);
        return Promise.resolve(json(200, {}));
      },
    });
    await client.projectAudit(facilitator, 'p 1', '?kind=rating');
    await client.workshopAudit(facilitator, 'w1', '');
    await client.verifyChain(facilitator, 'p1');
    await client.replay(facilitator, 'w1', 3);
    expect(urls).toEqual([
      '/api/v1/projects/p%201/audit?kind=rating',
      '/api/v1/workshops/w1/audit',
      '/api/v1/projects/p1/audit/verify',
      '/api/v1/workshops/w1/replay?version=3',
    ]);
  });

  it('downloads a file with the token and reports a refusal', async () => {
    const ok = setUp(new Response('\uFEFFa;b\r\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }));
    const blob = await ok.client.download(participant, '/workshops/w1/export/results.csv');
    expect(await blob.text()).toContain('a;b');
    expect(new Headers(ok.calls[0]?.init?.headers).get('Authorization')).toBe('Bearer ptok');
    const refused = setUp(json(403, { title: 'Forbidden', status: 403 }, 'application/problem+json'));
    const error = await rejection(refused.client.download(participant, '/workshops/w1/export/ratings.csv'));
    expect(error.status).toBe(403);
  });
});
