import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, createHttpApi, csrfToken, describeError, packageDownloadUrl } from './api';

/** api.ts against a real HTTP server on loopback. */
let server: Server | null = null;
const requests: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse, n: number) => void): Promise<string> {
  requests.length = 0;
  let n = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      handler(req, res, n++);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type, 'X-Trace-Id': 'trace-1' });
  res.end(JSON.stringify(body));
}

afterEach(async () => {
  if (!server) return; // a test that needed no server
  server.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

describe('api.ts', () => {
  it('echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on writes, not on reads', async () => {
    const base = await serve((req, res) => json(res, req.method === 'POST' ? 201 : 200,
      req.method === 'POST' ? { runId: 'r1' } : { items: [], nextCursor: null }));
    const api = createHttpApi({ baseUrl: base, cookies: () => 'JSESSIONID=abc; XSRF-TOKEN=t%2Bk=1' });
    await api.createRun('x');
    await api.listRuns();
    expect(requests[0].headers['x-xsrf-token']).toBe('t+k=1');
    expect(requests[1].headers['x-xsrf-token']).toBeUndefined();
    expect(csrfToken('a=1')).toBeNull();
  });

  it('sends PUTs and DELETEs with the CSRF header, takes a 204 as nothing, and leaves empty filters out of the query', async () => {
    const base = await serve((req, res) => {
      if (req.method === 'DELETE') { res.writeHead(204).end(); return; }
      json(res, 200, req.method === 'PUT' ? { username: 'vic', role: 'trader', since: '2026-12-01T00:00:00Z' } : { items: [], nextAfter: null });
    });
    const api = createHttpApi({ baseUrl: base, cookies: () => 'XSRF-TOKEN=tok' });
    expect((await api.setMember('w 1', 'vic', 'trader')).role).toBe('trader');
    expect(await api.removeMember('w1', 'vic')).toBeNull();
    await api.auditEvents({ type: 'RunCreated', principal: '', aggregateId: undefined }, 41, 20);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PUT /v1/workspaces/w%201/members/vic', 'DELETE /v1/workspaces/w1/members/vic',
      'GET /v1/audit/events?type=RunCreated&after=41&limit=20']);
    expect(JSON.parse(requests[0].body)).toEqual({ role: 'trader' });
    expect(requests[0].headers['x-xsrf-token']).toBe('tok');
    expect(requests[1].headers['x-xsrf-token']).toBe('tok');
  });

  it('describes a refused request with where its input was wrong', () => {
    const problem = { type: 'x', title: 'Invalid body', status: 400, detail: 'the body does not match',
      errors: [{ pointer: '/name', message: 'too long' }, { pointer: '', message: 'not an object' }] };
    expect(describeError(new ApiError(400, problem, problem.detail))).toBe('the body does not match (/name: too long; body: not an object)');
    expect(describeError(new Error('offline'))).toBe('offline');
  });

  it('a 401 ends the session in the UI (to the login page), except for a refused login itself', async () => {
    const problem = { type: 'x', title: 'Authentication required', status: 401, detail: 'sign in' };
    const base = await serve((_req, res) => json(res, 401, problem, 'application/problem+json'));
    let signedOut = 0;
    const api = createHttpApi({ baseUrl: base, retryDelayMs: 1, onUnauthenticated: () => signedOut++ });
    expect((await api.listRuns().catch((e) => e)).status).toBe(401);
    expect(signedOut).toBe(1);
    expect((await api.login('admin', 'wrong').catch((e) => e)).status).toBe(401);
    expect(signedOut).toBe(1);
    expect(requests).toHaveLength(2);
    expect(requests[1].url).toBe('/v1/auth/login');
    expect(JSON.parse(requests[1].body)).toEqual({ username: 'admin', password: 'wrong' });
  });

  it('creates a run with a JSON body and a request id', async () => {
    const base = await serve((_req, res) => json(res, 201, { runId: 'r1' }));
    const api = createHttpApi({ baseUrl: base });
    expect(await api.createRun('Create MA crossover strategy', { seed: 7 })).toEqual({ runId: 'r1' });
    expect(requests[0].method).toBe('POST');
    expect(requests[0].url).toBe('/v1/runs');
    expect(JSON.parse(requests[0].body)).toEqual({ prompt: 'Create MA crossover strategy', seed: 7 });
    expect(requests[0].headers['content-type']).toBe('application/json');
    expect(requests[0].headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('turns problem+json into an ApiError with the problem and trace id, without retrying', async () => {
    const problem = { type: 'x', title: 'Request body is invalid', status: 400, detail: '1 violation(s)',
      errors: [{ pointer: '/prompt', message: 'required key [prompt] not found' }] };
    const base = await serve((_req, res) => json(res, 400, problem, 'application/problem+json'));
    const api = createHttpApi({ baseUrl: base, retryDelayMs: 1 });
    const error = await api.createRun('').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.problem.errors[0].pointer).toBe('/prompt');
    expect(error.traceId).toBe('trace-1');
    expect(requests).toHaveLength(1);
  });

  it('retries a dropped connection with the same request id', async () => {
    const base = await serve((_req, res, n) => (n < 2 ? res.socket?.destroy() : json(res, 200, { status: 'ok', db: 'up' })));
    const api = createHttpApi({ baseUrl: base, retryDelayMs: 1 });
    expect(await api.health()).toEqual({ status: 'ok', db: 'up' });
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['x-request-id'])).size).toBe(1);
  });

  it('times out a request that never answers', async () => {
    const base = await serve(() => {
      /* never answer */
    });
    const api = createHttpApi({ baseUrl: base, timeoutMs: 50, retries: 1, retryDelayMs: 1 });
    const error = await api.getRun('r1').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain('timed out after 50 ms');
    expect(requests).toHaveLength(2);
  });

  it('pages lists with limit and cursor', async () => {
    const base = await serve((_req, res) => json(res, 200, { items: [], nextCursor: null }));
    const api = createHttpApi({ baseUrl: base });
    await api.listRuns('abc', 10);
    await api.listStrategies(null, 5);
    expect(requests.map((r) => r.url)).toEqual(['/v1/runs?cursor=abc&limit=10', '/v1/portfolio?limit=5']);
  });

  it('gets one result detail by run, candidate and scenario', async () => {
    const detail = { candidateId: 'sma x', scenarioId: 'trend-up', signature: null, metrics: {}, equity: [{ t: 0, v: 1 }], trades: [], band: null };
    const base = await serve((_req, res) => json(res, 200, detail));
    const api = createHttpApi({ baseUrl: base });
    expect(await api.getResult('r1', 'sma x', 'trend-up')).toEqual(detail);
    expect(requests[0].method).toBe('GET');
    expect(requests[0].url).toBe('/v1/runs/r1/results/sma%20x/trend-up');
  });

  it('reports a detail asked before t0 finished as a 404 with its problem detail', async () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'run r1 has no backtests yet' };
    const base = await serve((_req, res) => json(res, 404, problem, 'application/problem+json'));
    const error = await createHttpApi({ baseUrl: base, retryDelayMs: 1 }).getResult('r1', 'a', 'b').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(404);
    expect(error.message).toBe('run r1 has no backtests yet');
    expect(requests).toHaveLength(1);
  });

  it('builds package download links without a request', () => {
    expect(packageDownloadUrl('r1')).toBe('/v1/runs/r1/package');
    expect(packageDownloadUrl('r1', 'sma-crossover')).toBe('/v1/runs/r1/package?candidate=sma-crossover');
    expect(packageDownloadUrl('r 1', null, 'http://h')).toBe('http://h/v1/runs/r%201/package');
    expect(createHttpApi({ baseUrl: 'http://h' }).packageUrl('r1', 'a b')).toBe('http://h/v1/runs/r1/package?candidate=a+b');
  });
});
