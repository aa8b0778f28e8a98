import type { AtlasApi } from './api';
import { ApiError } from './api';
import type { EventStream, StreamCallbacks } from './sse';
import type {
  ApiKey, AuditEvent, BacktestDetail, IssuedApiKey, Member, OrchestratorEvent, PackArtifact, PackageRef, PortfolioItem,
  RunSummary, StrategyDsl, T0Artifact, UsageReport, User, Workspace, WorkspaceQuotas, WorkspaceRole
} from '$lib/types';
import { chosenWorkspace } from './workspaceChoice';
import * as SEED from './adminSeed';
import { MOCK_USER } from './adminSeed';
import { isTerminal } from '$lib/types';
import { inlineDetail } from '$lib/t0';

import e1 from '$contracts/fixtures/valid/orchestrator-event/mock-run-01-architect-status.json';
import e2 from '$contracts/fixtures/valid/orchestrator-event/mock-run-02-architect-artifact.json';
import e3 from '$contracts/fixtures/valid/orchestrator-event/mock-run-03-synth-status.json';
import e4 from '$contracts/fixtures/valid/orchestrator-event/mock-run-04-synth-artifact.json';
import e5 from '$contracts/fixtures/valid/orchestrator-event/mock-run-05-t0-status.json';
import e6 from '$contracts/fixtures/valid/orchestrator-event/mock-run-06-t0-artifact.json';
import e7 from '$contracts/fixtures/valid/orchestrator-event/mock-run-07-pack-artifact.json';
import failure from '$contracts/fixtures/valid/orchestrator-event/error-t0-fail-at.json';
import engineT0 from '$contracts/fixtures/valid/orchestrator-event/llm-run-t0-artifact.json';
import engineDetail from '$contracts/fixtures/valid/backtest-detail/engine-result.json';
import quotasFixture from '$contracts/fixtures/valid/workspace-quotas/desk.json';
import usageFixture from '$contracts/fixtures/valid/usage-report/december.json';

/**
 * UI_MOCK=on: the same {@link AtlasApi} answered from the contract's fixtures (which the Java
 * contract tests validate against the schemas), with no backend and no network. A prompt that
 * mentions "fail" plays the t0 failure fixture, so error states can be designed too; one that
 * mentions "engine" plays the engine's t0 fixture (results by reference, several scenarios, a
 * Monte Carlo band in every detail) instead of mock mode's inline one.
 */
const SUCCESS = [e1, e2, e3, e4, e5, e6, e7] as OrchestratorEvent[];
const ENGINE = [e1, e2, e3, e4, e5, engineT0, e7] as OrchestratorEvent[];
const FAILURE = [e1, e2, e3, e4, e5, failure] as OrchestratorEvent[];
const ENGINE_DETAIL = engineDetail as BacktestDetail;
const QUOTAS = quotasFixture as WorkspaceQuotas;
const USAGE = usageFixture as UsageReport;

interface MockRun { summary: RunSummary; events: OrchestratorEvent[] }

export function createMockApi(stepDelayMs = 250): AtlasApi {
  const runs = new Map<string, MockRun>();
  const portfolio: PortfolioItem[] = [];
  let counter = 0;
  const admin = createMockAdmin();

  const idFor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  return {
    health: async () => ({ status: 'ok', db: 'up' }),
    async createRun(prompt) {
      const runId = idFor(++counter);
      const script = /fail/i.test(prompt) ? FAILURE : /engine/i.test(prompt) ? ENGINE : SUCCESS;
      const now = new Date().toISOString();
      const events = script.map((e, i) => ({ ...e, runId, seq: i + 1, ts: now }));
      runs.set(runId, {
        events,
        summary: {
          runId, status: 'RUNNING', prompt, seed: 42, lastSeq: 0, createdAt: now, finishedAt: null,
          summary: { currentPhase: 'architect', eventCount: 0, error: null }
        }
      });
      return { runId };
    },
    async getRun(runId) {
      const run = runs.get(runId);
      if (!run) throw new ApiError(404, null, `no run ${runId}`);
      return run.summary;
    },
    async cancelRun(runId) {
      const run = runs.get(runId);
      if (!run) throw new ApiError(404, null, `no run ${runId}`);
      if (run.summary.status === 'RUNNING' || run.summary.status === 'PENDING') {
        const seq = run.summary.lastSeq + 1;
        const phase = run.events[Math.min(seq, run.events.length) - 1]?.phase ?? 'architect';
        run.events = [...run.events.slice(0, seq - 1), {
          runId, seq, phase, type: 'error', ts: new Date().toISOString(),
          payload: { code: 'run.cancelled', message: 'run cancelled on request', retryable: false }
        }];
      }
      return run.summary;
    },
    async listRuns() {
      return { items: [...runs.values()].map((r) => r.summary).reverse(), nextCursor: null };
    },
    streamEvents(runId: string, callbacks: StreamCallbacks, afterSeq = 0): EventStream {
      const run = runs.get(runId);
      let lastSeq = afterSeq;
      let state: EventStream['state'] = 'open';
      const timers: ReturnType<typeof setTimeout>[] = [];
      if (!run) {
        state = 'error';
        queueMicrotask(() => callbacks.onState?.('error', 'no such run'));
      } else {
        queueMicrotask(() => callbacks.onState?.('open'));
        // One step at a time, reading the run's events when each step fires, so a cancel
        // (which replaces the rest of the script with an error) shows up like on the server.
        const step = () => {
          const event = run.events.find((e) => e.seq === lastSeq + 1);
          if (!event || state === 'closed') return;
          lastSeq = event.seq;
          applyToSummary(run.summary, event);
          callbacks.onEvent(event);
          if (isTerminal(event)) {
            state = 'closed';
            callbacks.onState?.('closed');
          } else {
            timers.push(setTimeout(step, stepDelayMs));
          }
        };
        timers.push(setTimeout(step, stepDelayMs));
      }
      return {
        close() {
          timers.forEach(clearTimeout);
          state = 'closed';
        },
        get state() {
          return state;
        },
        get lastSeq() {
          return lastSeq;
        }
      };
    },
    async getResult(runId, candidateId, scenarioId) {
      const run = runs.get(runId);
      if (!run) throw notFound(`no run ${runId}`);
      await sleep(Math.min(stepDelayMs, 200));
      const t0 = delivered(run, 't0');
      if (!t0) throw notFound(`run ${runId} has no backtests yet (its t0 phase has not finished)`);
      const result = (t0.payload as unknown as T0Artifact).results
        .find((r) => r.candidateId === candidateId && r.scenarioId === scenarioId);
      if (!result) throw notFound(`run ${runId} has no result for candidate ${candidateId} on scenario ${scenarioId}`);
      // Inline (mock-mode) results answer from the event, like the server; engine ones from the detail fixture.
      return inlineDetail(result) ?? {
        ...ENGINE_DETAIL, candidateId, scenarioId, signature: result.signature ?? ENGINE_DETAIL.signature,
        metrics: result.metrics, ...(result.periodsPerYear ? { periodsPerYear: result.periodsPerYear } : {})
      };
    },
    packageUrl() {
      return null; // fixture runs have no package file; the pack event's own downloadUrl is shown
    },
    async saveStrategy(item: { id?: string; name: string; strategy: StrategyDsl; runId?: string }) {
      const saved: PortfolioItem = {
        id: item.id ?? idFor(1000 + portfolio.length), name: item.name, strategy: item.strategy,
        runId: item.runId ?? null, createdAt: new Date().toISOString(),
        package: packageOf(item.runId ? runs.get(item.runId) : undefined, item.strategy.id)
      };
      portfolio.unshift(saved);
      return saved;
    },
    async listStrategies() {
      return { items: [...portfolio], nextCursor: null };
    },
    // Mock mode needs no server, so nobody signs in: a designer is always "mock".
    async login(username) {
      return { username, systemAdmin: false, via: 'session' };
    },
    async logout() {},
    async me() {
      const { id, name, role } = admin.current();
      return { username: MOCK_USER, systemAdmin: true, via: 'session', workspace: { id, name, role } };
    },
    async getQuotas(workspaceId) {
      admin.workspace(workspaceId);
      return { ...QUOTAS, workspaceId };
    },
    async getUsage(workspaceId) {
      admin.workspace(workspaceId);
      return { ...USAGE, workspaceId };
    },
    ...admin.api,
    ...mockPaperTrading()
  };
}


/**
 * Mock mode's users, workspaces, members, keys and audit trail: in memory, seeded so every admin
 * screen has something to show, answering like the server (404 for what is not there, 409 for the
 * last admin), and recording each change as an audit event of the type the server would write.
 */
function createMockAdmin() {
  const now = () => new Date().toISOString();
  const workspaces = SEED.workspaces.map((w) => ({ ...w }));
  const users = SEED.users.map((u) => ({ ...u }));
  const members = new Map(Object.entries(SEED.members).map(([id, list]) => [id, list.map((m) => ({ ...m }))]));
  const keys = SEED.keys.map((k) => ({ ...k }));
  const audit: AuditEvent[] = [];
  let keyCounter = 0;

  const record = (type: string, aggregateType: string, aggregateId: string, payload: Record<string, unknown>) => {
    const seq = audit.filter((e) => e.aggregateId === aggregateId).length;
    audit.push({ globalIndex: audit.length, aggregateId, aggregateType, seq, type, timestamp: now(), principal: MOCK_USER,
      traceId: null, correlationId: null, payload });
  };
  workspaces.forEach((w) => record('WorkspaceCreatedEvent', 'Workspace', w.id, { workspaceId: w.id, name: w.name }));
  keys.forEach((k) => record('ApiKeyIssuedEvent', 'UserAccount', users[0].id, { keyId: k.id, name: k.name }));
  record('ApiKeyRevokedEvent', 'UserAccount', users[0].id, { keyId: keys[1].id });

  const current = (): Workspace => workspaces.find((w) => w.id === chosenWorkspace()) ?? workspaces[0];
  const workspace = (id: string): Workspace => {
    const found = workspaces.find((w) => w.id === id);
    if (!found) throw notFound(`no workspace ${id}`);
    return found;
  };
  const key = (id: string): ApiKey => {
    const found = keys.find((k) => k.id === id);
    if (!found) throw notFound(`no API key ${id}`);
    return found;
  };
  const user = (username: string): User => {
    const found = users.find((u) => u.username === username);
    if (!found) throw notFound(`no user ${username}`);
    return found;
  };
  const issue = (name: string, expiresAt: string | null): IssuedApiKey => {
    let n = ++keyCounter;
    let suffix = '';
    for (; n > 0; n = Math.floor(n / 26)) suffix = String.fromCharCode(97 + (n % 26)) + suffix;
    const id = `newkey${suffix.padStart(6, 'a')}`;
    const info: ApiKey = { id, name, createdAt: now(), expiresAt, lastUsedAt: null, revokedAt: null };
    keys.unshift(info);
    record('ApiKeyIssuedEvent', 'UserAccount', users[0].id, { keyId: id, name });
    return { ...info, key: `atlas_${id}_${'M0ck'.repeat(9)}ab` };
  };
  const lastAdminLeaves = (list: Member[], username: string, role: WorkspaceRole | null) =>
    list.some((m) => m.username === username && m.role === 'admin') && role !== 'admin'
    && list.filter((m) => m.role === 'admin').length === 1;

  const api: Pick<AtlasApi, 'listWorkspaces' | 'createWorkspace' | 'listMembers' | 'setMember' | 'removeMember' | 'listApiKeys'
    | 'createApiKey' | 'revokeApiKey' | 'rotateApiKey' | 'auditEvents' | 'listUsers' | 'createUser' | 'setUserRateLimit'> = {
    async listWorkspaces() {
      return { items: [...workspaces].sort((a, b) => a.name.localeCompare(b.name)) };
    },
    async createWorkspace(name) {
      if (workspaces.some((w) => w.name === name)) throw problem(409, 'Conflict', `a workspace named ${name} exists`);
      const created: Workspace = { id: crypto.randomUUID(), name, createdAt: now(), role: 'admin' };
      workspaces.push(created);
      members.set(created.id, [{ username: MOCK_USER, role: 'admin', since: created.createdAt }]);
      record('WorkspaceCreatedEvent', 'Workspace', created.id, { workspaceId: created.id, name });
      return created;
    },
    async listMembers(workspaceId) {
      workspace(workspaceId);
      return { items: [...(members.get(workspaceId) ?? [])].sort((a, b) => a.username.localeCompare(b.username)) };
    },
    async setMember(workspaceId, username, role) {
      workspace(workspaceId);
      user(username);
      const list = members.get(workspaceId) ?? [];
      if (lastAdminLeaves(list, username, role)) throw problem(409, 'Conflict', 'the last admin of a workspace cannot step down');
      const existing = list.find((m) => m.username === username);
      const member = existing ? Object.assign(existing, { role }) : { username, role, since: now() };
      if (!existing) list.push(member);
      members.set(workspaceId, list);
      record('MemberRoleSetEvent', 'Workspace', workspaceId, { username, role });
      return { ...member };
    },
    async removeMember(workspaceId, username) {
      workspace(workspaceId);
      const list = members.get(workspaceId) ?? [];
      if (lastAdminLeaves(list, username, null)) throw problem(409, 'Conflict', 'the last admin of a workspace cannot leave');
      if (!list.some((m) => m.username === username)) return;
      members.set(workspaceId, list.filter((m) => m.username !== username));
      record('MemberRemovedEvent', 'Workspace', workspaceId, { username });
    },
    async listApiKeys() {
      return { keys: keys.map((k) => ({ ...k })) };
    },
    async createApiKey(name, expiresAt) {
      return issue(name, expiresAt ?? null);
    },
    async revokeApiKey(keyId) {
      const found = key(keyId);
      if (!found.revokedAt) {
        found.revokedAt = now();
        record('ApiKeyRevokedEvent', 'UserAccount', users[0].id, { keyId });
      }
      return { ...found };
    },
    async rotateApiKey(keyId) {
      const found = key(keyId);
      if (found.revokedAt) throw problem(409, 'Conflict', `API key ${keyId} is revoked`);
      found.revokedAt = now();
      return issue(found.name, found.expiresAt);
    },
    async auditEvents(filter, after, limit = 100) {
      const ws = current().id;
      const matching = audit.filter((e) => (after === null || after === undefined || e.globalIndex > after)
        && (e.aggregateType !== 'Workspace' || e.aggregateId === ws)
        && (!filter.type || e.type === filter.type) && (!filter.principal || e.principal === filter.principal)
        && (!filter.aggregateId || e.aggregateId === filter.aggregateId)
        && (!filter.from || e.timestamp >= filter.from) && (!filter.to || e.timestamp < filter.to));
      const items = matching.slice(0, limit);
      return { items, nextAfter: matching.length > limit ? items[items.length - 1].globalIndex : null };
    },
    async listUsers() {
      return { items: users.map((u) => ({ ...u })) };
    },
    async createUser({ username, systemAdmin }) {
      if (users.some((u) => u.username === username)) throw problem(409, 'Conflict', `a user named ${username} exists`);
      const created: User = { id: crypto.randomUUID(), username, systemAdmin: systemAdmin ?? false, defaultWorkspaceId: null,
        rateLimitPerMinute: null };
      users.push(created);
      record('UserCreatedEvent', 'UserAccount', created.id, { username });
      return created;
    },
    async setUserRateLimit(username, perMinute) {
      const found = user(username);
      found.rateLimitPerMinute = perMinute;
      record('RateLimitSetEvent', 'UserAccount', found.id, { perMinute });
      return { ...found };
    }
  };
  return { api, current, workspace };
}

/**
 * Mock mode has no paper venue (a session trades on the server, bar by bar): no sessions to list,
 * and deploying says why it cannot.
 */
function mockPaperTrading(): Pick<AtlasApi, 'deployPaperSession' | 'listPaperSessions' | 'getPaperSession'
  | 'paperSessionOrders' | 'paperSessionFills' | 'paperSessionPositions' | 'paperSessionEquity' | 'killPaperSession'
  | 'releasePaperSession' | 'stopPaperSession' | 'streamPaperSession' | 'paperSessionRisk' | 'setPaperSessionRisk'
  | 'listKillSwitches' | 'killAccount' | 'releaseAccount' | 'engageGlobalKillSwitch' | 'releaseGlobalKillSwitch'> {
  const none = (id: string) => notFound(`no paper session ${id}: mock mode runs none`);
  return {
    async deployPaperSession() {
      throw problem(409, 'Conflict', 'paper sessions trade on a server: mock mode cannot run one');
    },
    listPaperSessions: async () => ({ items: [] }),
    getPaperSession: async (id) => { throw none(id); },
    paperSessionOrders: async (id) => { throw none(id); },
    paperSessionFills: async (id) => { throw none(id); },
    paperSessionPositions: async (id) => { throw none(id); },
    paperSessionEquity: async (id) => { throw none(id); },
    killPaperSession: async (id) => { throw none(id); },
    releasePaperSession: async (id) => { throw none(id); },
    stopPaperSession: async (id) => { throw none(id); },
    paperSessionRisk: async (id) => { throw none(id); },
    setPaperSessionRisk: async (id) => { throw none(id); },
    listKillSwitches: async () => ({ items: [] }),
    killAccount: async (id) => { throw notFound(`no paper account ${id}: mock mode runs none`); },
    releaseAccount: async (id) => { throw notFound(`no paper account ${id}: mock mode runs none`); },
    engageGlobalKillSwitch: async () => { throw problem(409, 'Conflict', 'mock mode runs no paper sessions'); },
    releaseGlobalKillSwitch: async () => { throw problem(409, 'Conflict', 'mock mode runs no paper sessions'); },
    streamPaperSession(id, callbacks) {
      callbacks.onState?.('error', `no paper session ${id}: mock mode runs none`);
      return { close() {}, state: 'error', lastSeq: -1 };
    }
  };
}

function notFound(detail: string): ApiError {
  return problem(404, 'Not Found', detail);
}

function problem(status: number, title: string, detail: string): ApiError {
  return new ApiError(status, { type: 'about:blank', title, status, detail }, detail);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The run's artifact of a phase, once the stream has delivered it. */
function delivered(run: MockRun, phase: OrchestratorEvent['phase']): OrchestratorEvent | undefined {
  return run.events.find((e) => e.phase === phase && e.type === 'artifact' && e.seq <= run.summary.lastSeq);
}

/**
 * Like the server, a strategy saved from a run that packaged it carries the package. The fixture
 * has no file of its own: the ref points at the pack event's download, with its stored digest
 * when the event has one (else the IR hash stands in).
 */
function packageOf(run: MockRun | undefined, strategyId: string): PackageRef | null {
  const pack = run ? delivered(run, 'pack') : undefined;
  const artifact = pack?.payload as unknown as PackArtifact | undefined;
  if (!artifact || artifact.manifest.strategyId !== strategyId) return null;
  return {
    packageId: artifact.manifest.packageId, url: artifact.downloadUrl,
    sha256: artifact.stored?.sha256 ?? artifact.manifest.irHash,
    ...(artifact.manifest.contentHash ? { contentHash: artifact.manifest.contentHash } : {})
  };
}

function applyToSummary(summary: RunSummary, event: OrchestratorEvent) {
  summary.lastSeq = event.seq;
  summary.summary.eventCount = event.seq;
  summary.summary.currentPhase = event.phase;
  if (event.type === 'error') {
    summary.status = 'FAILED';
    summary.summary.error = { phase: event.phase, code: String(event.payload.code), message: String(event.payload.message) };
  } else if (isTerminal(event)) {
    summary.status = 'COMPLETED';
    summary.summary.currentPhase = null;
  }
}
