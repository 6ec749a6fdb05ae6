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

  it('removes a timeline activity with DELETE and no body', async () => {
    const t = setUp(json(200, { id: 'A2', version: 7 }));
    const facilitator = { kind: 'facilitator' as const, token: 'ftok' };
    const outcome = await t.client.meeting.removeActivity(facilitator, 'p 1', 'A2');
    expect(outcome).toEqual({ id: 'A2', version: 7 });
    expect(t.calls[0]?.url).toBe('/api/v1/projects/p%201/records/activities/A2');
    expect(t.calls[0]?.init?.method).toBe('DELETE');
    expect(t.calls[0]?.init?.body).toBeUndefined();
  });

  it('gives the problem of an activity the timeline does not have', async () => {
    const problem = { title: 'Not Found', status: 404, detail: 'the timeline has no activity A9', code: 'unknown-activity' };
    const t = setUp(json(404, problem, 'application/problem+json'));
    const error = await rejection(t.client.meeting.removeActivity({ kind: 'facilitator', token: 'ftok' }, 'p', 'A9'));
    expect(error.status).toBe(404);
    expect(error.detail).toBe('the timeline has no activity A9');
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

  const facilitator = { kind: 'facilitator' as const, token: 'ftok' };

  it.each([
    {
      name: 'a rating on a dimension',
      call: (c: ReturnType<typeof createApiClient>) => c.rate(participant, 'w', 'set-goals', 3, 'people'),
      method: 'PUT',
      url: '/api/v1/workshops/w/capabilities/set-goals/rating',
      body: '{"score":3,"dimension":"people"}',
    },
    {
      name: 'own ratings of a round',
      call: (c: ReturnType<typeof createApiClient>) => c.myRatings(participant, 'w', 'r 1'),
      method: 'GET',
      url: '/api/v1/workshops/w/my-ratings?round=r%201',
      body: undefined,
    },
    {
      name: 'own free ratings',
      call: (c: ReturnType<typeof createApiClient>) => c.myRatings(participant, 'w', null),
      method: 'GET',
      url: '/api/v1/workshops/w/my-ratings',
      body: undefined,
    },
    {
      name: 'opening a round',
      call: (c: ReturnType<typeof createApiClient>) =>
        c.openRound(facilitator, 'w', { scope: { kind: 'CATEGORY', target: 'core' }, sealed: true, timeLimitSeconds: 120 }),
      method: 'POST',
      url: '/api/v1/workshops/w/rounds',
      body: '{"scope":{"kind":"CATEGORY","target":"core"},"sealed":true,"timeLimitSeconds":120}',
    },
    {
      name: 'closing a round',
      call: (c: ReturnType<typeof createApiClient>) => c.closeRound(facilitator, 'w', 'r1'),
      method: 'POST',
      url: '/api/v1/workshops/w/rounds/r1/close',
      body: undefined,
    },
    {
      name: 'revealing a round',
      call: (c: ReturnType<typeof createApiClient>) => c.revealRound(facilitator, 'w', 'r1'),
      method: 'POST',
      url: '/api/v1/workshops/w/rounds/r1/reveal',
      body: undefined,
    },
    {
      name: 'who has voted',
      call: (c: ReturnType<typeof createApiClient>) => c.participation(facilitator, 'w', 'r1'),
      method: 'GET',
      url: '/api/v1/workshops/w/rounds/r1/participation',
      body: undefined,
    },
    {
      name: 'a responsibility vote',
      call: (c: ReturnType<typeof createApiClient>) => c.voteResponsibility(participant, 'w', 'operate', 'COLLABORATION'),
      method: 'PUT',
      url: '/api/v1/workshops/w/capabilities/operate/responsibility',
      body: '{"mode":"COLLABORATION"}',
    },
    {
      name: 'the agreed mode',
      call: (c: ReturnType<typeof createApiClient>) => c.recordAgreedResponsibility(facilitator, 'w', 'operate', 'OWN'),
      method: 'PUT',
      url: '/api/v1/workshops/w/capabilities/operate/agreed-responsibility',
      body: '{"mode":"OWN"}',
    },
    {
      name: 'the current results',
      call: (c: ReturnType<typeof createApiClient>) => c.workshopResults(participant, 'w'),
      method: 'GET',
      url: '/api/v1/workshops/w/results?round=current',
      body: undefined,
    },
    {
      name: 'a project\'s results',
      call: (c: ReturnType<typeof createApiClient>) => c.projectResults(facilitator, 'p/1'),
      method: 'GET',
      url: '/api/v1/projects/p%2F1/results',
      body: undefined,
    },
  ])('sends $name', async ({ call, method, url, body }) => {
    const t = setUp(json(200, {}));
    await call(t.client);
    expect(t.calls[0]?.url).toBe(url);
    expect(t.calls[0]?.init?.method).toBe(method);
    expect(t.calls[0]?.init?.body).toBe(body);
  });

  it('fills in what a snapshot without rounds leaves out', async () => {
    const t = setUp(
      json(200, {
        id: 'w',
        version: 3,
        capabilities: [{ id: 'a', parentId: null, category: 'c', name: { sv: 'a', en: 'a' }, rating: {} }],
        categories: [],
      }),
    );
    const s = await t.client.getWorkshop(participant, 'w');
    expect(s.mode).toBe('free');
    expect(s.rounds).toEqual([]);
    expect(s.dimensions).toEqual([]);
    expect(s.capabilities[0]?.modes).toEqual({ own: 0, collaboration: 0, procurement: 0, agreed: null });
  });

  it('fills in a replayed workshop like a live snapshot, so the dashboard shows its ratings', async () => {
    const workshop = {
      id: 'w',
      version: 2,
      capabilities: [{ id: 'set-goals', parentId: null, category: 'c', name: { sv: 'a', en: 'a' }, rating: {} }],
      categories: [],
      rounds: [],
    };
    const t = setUp(json(200, { version: 2, latestVersion: 5, occurredAt: 'x', eventType: 'E', workshop }));
    const replayed = await t.client.replay(participant, 'w', 2);
    expect(replayed.version).toBe(2);
    expect(replayed.workshop.mode).toBe('free');
    expect(replayed.workshop.capabilities[0]?.modes).toEqual({ own: 0, collaboration: 0, procurement: 0, agreed: null });
  });

  it('reads the record: trails with their query, verification, replay and files', async () => {
    const facilitator = { kind: 'facilitator' as const, token: 'ftok' };
    const urls: string[] = [];
    const client = createApiClient({
      fetch: (url) => {
        urls.push(url);
        return Promise.resolve(json(200, url.includes('/replay') ? { workshop: { capabilities: [], categories: [] } } : {}));
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
