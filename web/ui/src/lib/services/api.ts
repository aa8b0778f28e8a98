import type {
  ApiKey, AuditFilter, AuditPage, BacktestDetail, IssuedApiKey, KillSwitch, KillSwitchStatus, Member, OrchestratorEvent,
  Page, PaperSession, PaperSessionRisk, PortfolioItem, Problem, RunOptions, RunSummary, SessionEquityPoint, SessionFill, SessionOrder, SessionPosition,
  SessionStreamEvent, StrategyDsl, UsageReport, User, Workspace, WorkspaceQuotas, WorkspaceRole
} from '$lib/types';
import { cookieValue } from './cookies';
import { openEventStream, type EventStream, type StreamCallbacks } from './sse';

/**
 * The one way the UI talks to ATLAS. Every call has a timeout, retries network failures (never
 * HTTP errors: a 4xx will not get better by asking again, and POSTs are only retried when the
 * server cannot have seen them), sends an X-Request-Id so its trace can be found in the server
 * logs, and turns problem+json answers into an {@link ApiError}.
 */
export interface AtlasApi {
  health(): Promise<{ status: string; db: string }>;
  createRun(prompt: string, options?: { seed?: number; options?: RunOptions }): Promise<{ runId: string }>;
  getRun(runId: string): Promise<RunSummary>;
  /** Ends a live run with a `run.cancelled` error event; a finished run is left as it is. */
  cancelRun(runId: string, reason?: string): Promise<RunSummary>;
  listRuns(cursor?: string | null, limit?: number): Promise<Page<RunSummary>>;
  streamEvents(runId: string, callbacks: StreamCallbacks, afterSeq?: number): EventStream;
  /** One t0 result in full (equity curve, fills, Monte Carlo band); 404 until the t0 phase has finished. */
  getResult(runId: string, candidateId: string, scenarioId: string): Promise<BacktestDetail>;
  /**
   * Where the browser downloads a run's signed package (.hsp): the pack phase's, or with a
   * candidate that ranked candidate's (built on first request). A link's href, not a fetch; null
   * when there is no package to download (mock mode's fixture runs).
   */
  packageUrl(runId: string, candidateId?: string | null): string | null;
  saveStrategy(item: { id?: string; name: string; strategy: StrategyDsl; runId?: string }): Promise<PortfolioItem>;
  listStrategies(cursor?: string | null, limit?: number): Promise<Page<PortfolioItem>>;
  /** Signs the browser in: the server sets the session cookie (HttpOnly) and the XSRF-TOKEN cookie. */
  login(username: string, password: string): Promise<Caller>;
  logout(): Promise<void>;
  /** The signed-in caller; an ApiError with status 401 when nobody is. */
  me(): Promise<Caller>;
  /** The workspace's quotas, each with what it counts now (GET /v1/workspaces/{workspaceId}/quotas). */
  getQuotas(workspaceId: string): Promise<WorkspaceQuotas>;
  /** The workspace's usage of a UTC month, `YYYY-MM`, this one by default (GET /v1/workspaces/{workspaceId}/usage; admins). */
  getUsage(workspaceId: string, month?: string): Promise<UsageReport>;
  /** The caller's workspaces (every one for a system administrator), by name. */
  listWorkspaces(): Promise<{ items: Workspace[] }>;
  /** A new workspace; the caller becomes its admin. */
  createWorkspace(name: string): Promise<Workspace>;
  listMembers(workspaceId: string): Promise<{ items: Member[] }>;
  /** Adds a person to the workspace or changes their role (admins; the last admin stays: 409). */
  setMember(workspaceId: string, username: string, role: WorkspaceRole): Promise<Member>;
  removeMember(workspaceId: string, username: string): Promise<void>;
  /** The caller's own API keys, newest first, revoked ones included; never a secret. */
  listApiKeys(): Promise<{ keys: ApiKey[] }>;
  /** A new key: the answer's `key` is the only time anyone sees it. */
  createApiKey(name: string, expiresAt?: string | null): Promise<IssuedApiKey>;
  revokeApiKey(keyId: string): Promise<ApiKey>;
  /** A new key with the same name and expiry; the old one is revoked. */
  rotateApiKey(keyId: string): Promise<IssuedApiKey>;
  /** One page of the workspace's audit trail, oldest first, from after the previous page's `nextAfter` (admins). */
  auditEvents(filter: AuditFilter, after?: number | null, limit?: number): Promise<AuditPage>;
  /** Every user (system administrators). */
  listUsers(): Promise<{ items: User[] }>;
  /** A user with a password and a personal workspace (system administrators). */
  createUser(user: { username: string; password: string; systemAdmin?: boolean }): Promise<User>;
  /** A user's requests a minute; null for the installation's default (system administrators). */
  setUserRateLimit(username: string, perMinute: number | null): Promise<User>;
  /** Deploys a portfolio item (its signed package verified) onto a paper account replaying a scenario. */
  deployPaperSession(request: PaperSessionRequest): Promise<PaperSession>;
  listPaperSessions(): Promise<{ items: PaperSession[] }>;
  getPaperSession(sessionId: string): Promise<PaperSession>;
  paperSessionOrders(sessionId: string, status?: 'open' | 'all', limit?: number): Promise<{ items: SessionOrder[] }>;
  paperSessionFills(sessionId: string, after?: number, limit?: number): Promise<{ items: SessionFill[]; nextAfter: number | null }>;
  paperSessionPositions(sessionId: string): Promise<{ items: SessionPosition[] }>;
  paperSessionEquity(sessionId: string): Promise<{ points: SessionEquityPoint[] }>;
  /** Halts the session at once (its open orders cancelled); no reason needed in an emergency. */
  killPaperSession(sessionId: string, reason?: string): Promise<PaperSession>;
  /** Lets a halted session trade again: audited, so a reason is required. */
  releasePaperSession(sessionId: string, reason: string): Promise<PaperSession>;
  stopPaperSession(sessionId: string, reason?: string): Promise<PaperSession>;
  /** The session's risk limits in force and each one's usage at the last bar. */
  paperSessionRisk(sessionId: string): Promise<PaperSessionRisk>;
  /** Replaces the session's risk limits whole (audited: a reason is required). */
  setPaperSessionRisk(sessionId: string, risk: Record<string, unknown>, reason: string): Promise<PaperSessionRisk>;
  /** The workspace's account switches and the global one. */
  listKillSwitches(): Promise<{ items: KillSwitch[] }>;
  /** Halts every running session of the account (and new ones) until released. */
  killAccount(accountId: string, reason?: string): Promise<KillSwitchStatus>;
  releaseAccount(accountId: string, reason: string): Promise<KillSwitchStatus>;
  /** Halts every paper session of the installation (system administrators). */
  engageGlobalKillSwitch(reason?: string): Promise<KillSwitchStatus>;
  releaseGlobalKillSwitch(reason: string): Promise<KillSwitchStatus>;
  /** The session's events, replayed then live; the stream closes after its stop. */
  streamPaperSession(sessionId: string, callbacks: StreamCallbacks<SessionStreamEvent>, afterSeq?: number): EventStream;
}

/** POST /v1/paper-sessions: the item, the market it trades (a scenario) and the replay speed. */
export interface PaperSessionRequest {
  portfolioItemId: string;
  scenario: Record<string, unknown>;
  barEveryMs?: number;
  [setting: string]: unknown;
}

export interface Caller {
  username: string;
  systemAdmin: boolean;
  via: 'session' | 'apiKey' | 'oidc';
  keyId?: string;
  /** The workspace the UI's requests act in (the caller's default), and the caller's role there. */
  workspace?: { id: string; name: string; role: 'viewer' | 'trader' | 'admin' | null } | null;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null, message: string, readonly traceId?: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiConfig {
  baseUrl?: string;
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
  fetch?: typeof fetch;
  /** Called when the server answers 401 to anything but the login itself: the session is over. */
  onUnauthenticated?: () => void;
  /** The cookies the CSRF header is read from (the browser's document.cookie by default). */
  cookies?: () => string;
}

/** The double-submit CSRF token: the XSRF-TOKEN cookie's value, echoed in the X-XSRF-TOKEN header of writes. */
export function csrfToken(cookies: string): string | null {
  return cookieValue(cookies, 'XSRF-TOKEN');
}

export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createHttpApi(config: ApiConfig = {}): AtlasApi {
  const baseUrl = config.baseUrl ?? '';
  const timeoutMs = config.timeoutMs ?? 10_000;
  const retries = config.retries ?? 2;
  const retryDelayMs = config.retryDelayMs ?? 300;
  const doFetch = config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const cookies = config.cookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));

  async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const xsrf = method === 'GET' ? null : csrfToken(cookies());
    const requestId = newRequestId();
    let lastError: unknown;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(retryDelayMs * 2 ** (attempt - 1));
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response: Response;
      try {
        response = await doFetch(baseUrl + path, {
          method,
          signal: controller.signal,
          credentials: 'same-origin',
          headers: {
            Accept: 'application/json',
            'X-Request-Id': requestId,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...(xsrf ? { 'X-XSRF-TOKEN': xsrf } : {})
          },
          body: body === undefined ? undefined : JSON.stringify(body)
        });
      } catch (e) {
        // Network failure or timeout: the request may not have arrived. Reads are always safe to
        // repeat, and so are PUTs and DELETEs (idempotent); a POST is repeated too (a duplicate run or key
        // is visible and harmless, a lost click is not).
        lastError = controller.signal.aborted ? new ApiError(0, null, `timed out after ${timeoutMs} ms`, requestId) : e;
        continue;
      } finally {
        clearTimeout(timer);
      }
      const traceId = response.headers.get('X-Trace-Id') ?? requestId;
      const text = await response.text();
      if (!response.ok) {
        const problem = parseProblem(text);
        if (response.status === 401 && path !== '/v1/auth/login') config.onUnauthenticated?.();
        throw new ApiError(response.status, problem, problem?.detail ?? problem?.title ?? `HTTP ${response.status}`, traceId);
      }
      return (text ? JSON.parse(text) : null) as T;
    }
    throw lastError instanceof ApiError ? lastError : new ApiError(0, null, `cannot reach ATLAS: ${String(lastError)}`, requestId);
  }

  return {
    health: () => request('GET', '/healthz'),
    createRun: (prompt, extra = {}) => request('POST', '/v1/runs', { prompt, ...extra }),
    getRun: (runId) => request('GET', `/v1/runs/${encodeURIComponent(runId)}`),
    cancelRun: (runId, reason) =>
      request('POST', `/v1/runs/${encodeURIComponent(runId)}/cancel`, reason ? { reason } : {}),
    listRuns: (cursor, limit = 50) => request('GET', `/v1/runs?${query({ cursor, limit })}`),
    streamEvents: (runId, callbacks, afterSeq = 0) =>
      openEventStream({
        url: `${baseUrl}/v1/runs/${encodeURIComponent(runId)}/events`, afterSeq, fetch: doFetch,
        onUnauthenticated: config.onUnauthenticated
      }, callbacks),
    getResult: (runId, candidateId, scenarioId) =>
      request('GET', `/v1/runs/${encodeURIComponent(runId)}/results/${encodeURIComponent(candidateId)}/${encodeURIComponent(scenarioId)}`),
    packageUrl: (runId, candidateId) => packageDownloadUrl(runId, candidateId, baseUrl),
    saveStrategy: (item) => request('POST', '/v1/portfolio', item),
    listStrategies: (cursor, limit = 50) => request('GET', `/v1/portfolio?${query({ cursor, limit })}`),
    login: (username, password) => request('POST', '/v1/auth/login', { username, password }),
    logout: () => request('POST', '/v1/auth/logout'),
    me: () => request('GET', '/v1/auth/me'),
    getQuotas: (workspaceId) => request('GET', `/v1/workspaces/${encodeURIComponent(workspaceId)}/quotas`),
    getUsage: (workspaceId, month) =>
      request('GET', `/v1/workspaces/${encodeURIComponent(workspaceId)}/usage${month ? `?${query({ month })}` : ''}`),
    listWorkspaces: () => request('GET', '/v1/workspaces'),
    createWorkspace: (name) => request('POST', '/v1/workspaces', { name }),
    listMembers: (workspaceId) => request('GET', `/v1/workspaces/${encodeURIComponent(workspaceId)}/members`),
    setMember: (workspaceId, username, role) =>
      request('PUT', `/v1/workspaces/${encodeURIComponent(workspaceId)}/members/${encodeURIComponent(username)}`, { role }),
    removeMember: (workspaceId, username) =>
      request('DELETE', `/v1/workspaces/${encodeURIComponent(workspaceId)}/members/${encodeURIComponent(username)}`),
    listApiKeys: () => request('GET', '/v1/auth/keys'),
    createApiKey: (name, expiresAt) => request('POST', '/v1/auth/keys', expiresAt ? { name, expiresAt } : { name }),
    revokeApiKey: (keyId) => request('DELETE', `/v1/auth/keys/${encodeURIComponent(keyId)}`),
    rotateApiKey: (keyId) => request('POST', `/v1/auth/keys/${encodeURIComponent(keyId)}/rotate`),
    auditEvents: (filter, after, limit = 100) => request('GET', `/v1/audit/events?${query({ ...filter, after, limit })}`),
    listUsers: () => request('GET', '/v1/users'),
    createUser: (user) => request('POST', '/v1/users', user),
    setUserRateLimit: (username, perMinute) =>
      request('PUT', `/v1/users/${encodeURIComponent(username)}/rate-limit`, { perMinute }),
    deployPaperSession: (body) => request('POST', '/v1/paper-sessions', body),
    listPaperSessions: () => request('GET', '/v1/paper-sessions'),
    getPaperSession: (id) => request('GET', `/v1/paper-sessions/${encodeURIComponent(id)}`),
    paperSessionOrders: (id, status = 'all', limit = 200) =>
      request('GET', `/v1/paper-sessions/${encodeURIComponent(id)}/orders?${query({ status, limit })}`),
    paperSessionFills: (id, after = 0, limit = 200) =>
      request('GET', `/v1/paper-sessions/${encodeURIComponent(id)}/fills?${query({ after, limit })}`),
    paperSessionPositions: (id) => request('GET', `/v1/paper-sessions/${encodeURIComponent(id)}/positions`),
    paperSessionEquity: (id) => request('GET', `/v1/paper-sessions/${encodeURIComponent(id)}/equity`),
    killPaperSession: (id, reason) =>
      request('POST', `/v1/paper-sessions/${encodeURIComponent(id)}/kill`, reason ? { reason } : {}),
    releasePaperSession: (id, reason) => request('POST', `/v1/paper-sessions/${encodeURIComponent(id)}/release`, { reason }),
    stopPaperSession: (id, reason) =>
      request('POST', `/v1/paper-sessions/${encodeURIComponent(id)}/stop`, reason ? { reason } : {}),
    listKillSwitches: () => request('GET', '/v1/kill-switches'),
    killAccount: (accountId, reason) =>
      request('POST', `/v1/paper-accounts/${encodeURIComponent(accountId)}/kill`, reason ? { reason } : {}),
    releaseAccount: (accountId, reason) =>
      request('POST', `/v1/paper-accounts/${encodeURIComponent(accountId)}/release`, { reason }),
    engageGlobalKillSwitch: (reason) => request('POST', '/v1/kill-switch/engage', reason ? { reason } : {}),
    releaseGlobalKillSwitch: (reason) => request('POST', '/v1/kill-switch/release', { reason }),
    paperSessionRisk: (id) => request('GET', `/v1/paper-sessions/${encodeURIComponent(id)}/risk`),
    setPaperSessionRisk: (id, risk, reason) =>
      request('PUT', `/v1/paper-sessions/${encodeURIComponent(id)}/risk`, { risk, reason }),
    streamPaperSession: (id, callbacks, afterSeq = -1) =>
      openEventStream<SessionStreamEvent>({
        url: `${baseUrl}/v1/paper-sessions/${encodeURIComponent(id)}/events`, afterSeq, fetch: doFetch,
        onUnauthenticated: config.onUnauthenticated, seqsMaySkip: true, noun: 'session',
        isTerminal: (event) => event.type === 'stopped'
      }, callbacks)
  };
}

/** GET /v1/runs/{id}/package[?candidate=…]: the signed .hsp file, served as an attachment. */
export function packageDownloadUrl(runId: string, candidateId?: string | null, baseUrl = ''): string {
  const path = `${baseUrl}/v1/runs/${encodeURIComponent(runId)}/package`;
  return candidateId ? `${path}?${query({ candidate: candidateId })}` : path;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') search.set(k, String(v));
  return search.toString();
}

/** What to tell a person about a failed call: the problem's detail and, for bad input, where it was. */
export function describeError(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const where = (e.problem?.errors ?? []).map((v) => `${v.pointer || 'body'}: ${v.message}`);
  return where.length ? `${e.message} (${where.join('; ')})` : e.message;
}

function parseProblem(text: string): Problem | null {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && 'status' in value ? (value as Problem) : null;
  } catch {
    return null;
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type { OrchestratorEvent };
