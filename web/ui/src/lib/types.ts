/**
 * The API's shapes, as the contract (contracts/openapi.yaml and the JSON Schemas) defines them.
 * Kept in one file so a contract change has one place to land in the UI.
 */
export type Phase = 'architect' | 'synth' | 't0' | 'pack';
export type EventType = 'status' | 'artifact' | 'error';
export type RunStatus = 'PENDING' | 'RUNNING' | 'FAILED' | 'COMPLETED';
/** State of a live event stream: connecting (or reconnecting), open, closed (run over or left), error (gave up). */
export type ConnectionState = 'connecting' | 'open' | 'error' | 'closed';

export const PHASES: readonly Phase[] = ['architect', 'synth', 't0', 'pack'];

export interface StatusPayload { msg: string; progress?: number }
export interface ErrorPayload { code: string; message: string; retryable?: boolean }

export interface Blueprint {
  universe: string[];
  timeframe: string;
  features: string[];
  constraints: { risk_bp: number; max_drawdown_pct?: number; long_only?: boolean; max_positions?: number };
  direction?: 'long' | 'short' | 'both';
  scenarios?: string[];
  notes?: string;
}

export interface StrategyRule { if: string; then: 'buy' | 'sell' | 'close' | 'hold' }
export interface StrategyDsl {
  id: string;
  name: string;
  version: string;
  timeframe: string;
  rules: StrategyRule[];
  params: Record<string, number>;
  sizing?: { mode: 'fraction' | 'fixed_qty'; value: number };
  risk?: Record<string, number>;
  metadata?: { tags?: string[]; notes?: string };
}

/** A fill. Engine fills (BacktestDetail) also say when, with which order type and why. */
export interface Trade {
  t: number; side: 'buy' | 'sell'; qty: number; px: number; fee: number; slippage: number;
  time_ms?: number; order?: string; reason?: string;
}
export interface EquityPoint { t: number; v: number }
export interface Metrics {
  sharpe: number;
  /** null when no period lost and the mean is positive (unbounded). */
  sortino: number | null;
  max_drawdown: number; win_rate: number;
  /** null when there was no losing round trip. */
  profit_factor: number | null;
  cagr: number; trade_count: number; exposure: number;
  time_to_recovery?: number; tail_p5?: number; tail_worst_1pct?: number; periods_per_year?: number;
}
/** A quick circular block bootstrap of the bar returns: percentiles over the paths. */
export interface MonteCarloSummary {
  paths: number; block_length: number; sharpe_p5: number; sharpe_p50: number; max_drawdown_p95: number;
  profit_factor_p5: number | null; growth_p5?: number;
}
/**
 * One candidate on one scenario, as the t0 event lists it. Mock-mode results carry the curve and
 * fills inline; engine results reference them ({@link detailUrl}, a {@link BacktestDetail}).
 */
export interface BacktestResult {
  candidateId: string;
  scenarioId: string;
  periodsPerYear?: number;
  metrics: Metrics;
  signature?: string;
  fromCache?: boolean;
  monteCarlo?: MonteCarloSummary;
  detailUrl?: string;
  equity?: EquityPoint[];
  trades?: Trade[];
}
/** Monte Carlo equity band in account currency: bars[k] indexes the equity curve. */
export interface McBand { bars: number[]; p5: number[]; p50: number[]; p95: number[] }
/** One t0 result in full: GET /v1/runs/{id}/results/{candidateId}/{scenarioId}. */
export interface BacktestDetail {
  candidateId: string;
  scenarioId: string;
  /** null for mock-mode results. */
  signature: string | null;
  periodsPerYear?: number;
  metrics: Metrics;
  equity: EquityPoint[];
  trades: Trade[];
  /** null for mock-mode results. */
  band: McBand | null;
}

export interface T0Scenario { id: string; family: string; seed?: number; bars?: number; timeframe?: string; spec?: Record<string, unknown> }
export interface T0Terms {
  feesBps: number; slippageBps: number; barDelay: number; initialCash: number;
  monteCarlo?: { paths: number; blockLength: number; seed: number };
}
/** A candidate's place in the t0 ranking, best first by the robust score. */
export interface T0Rank { rank: number; candidateId: string; score: number; worstSharpe: number; worstMaxDrawdown: number; worstScenario?: string }
export interface T0Scoring { formula: string; mddPenalty: number; maxDrawdownLimit: number }
export interface StoredObject { key: string; sha256: string; bytes: number }
/** The payload of the t0 artifact event. */
export interface T0Artifact {
  scenarios?: T0Scenario[];
  terms?: T0Terms;
  results: BacktestResult[];
  ranking?: T0Rank[];
  scoring?: T0Scoring;
  stored?: StoredObject;
}

export interface PackSignature { alg: 'Ed25519'; publicKeyId: string; value: string }
export interface PackManifest {
  packageId: string; strategyId: string; irHash: string; engineVersion: string; createdAt: string;
  format?: 'hsp/1';
  /** sha256 of the canonical JSON of `files`: equal for packages with equal files. */
  contentHash?: string;
  seed?: number; runId?: string; rank?: number; score?: number;
  templateVersions?: Record<string, string>;
  scenarios?: string[]; files: { path: string; sha256: string; bytes: number }[];
  signature?: PackSignature;
}
/** The payload of the pack artifact event; downloadUrl serves the signed .hsp file. */
export interface PackArtifact { manifest: PackManifest; downloadUrl: string; stored?: StoredObject }
/** The signed package a portfolio item was saved with. */
export interface PackageRef { packageId: string; url: string; sha256: string; contentHash?: string }

export interface SigningKey { id: string; alg: 'Ed25519'; publicKey: string }
export interface PackageVerification {
  valid: boolean; keyId?: string | null; problems: { code: string; message: string }[]; manifest?: PackManifest;
}

/** How the UI holds one result's detail while it is fetched (never part of the API). */
export type DetailState =
  | { state: 'loading' }
  | { state: 'ready'; detail: BacktestDetail }
  | { state: 'error'; message: string; httpStatus: number };

export interface OrchestratorEvent {
  runId: string;
  seq: number;
  phase: Phase;
  type: EventType;
  ts: string;
  payload: Record<string, unknown>;
}

export interface RunSummary {
  runId: string;
  status: RunStatus;
  prompt: string;
  seed?: number | null;
  lastSeq: number;
  createdAt: string;
  finishedAt?: string | null;
  summary: { currentPhase: Phase | null; eventCount: number; error: { phase: Phase; code: string; message: string } | null };
}

export interface Page<T> { items: T[]; nextCursor: string | null }

export interface PortfolioItem {
  id: string; name: string; strategy: StrategyDsl; runId?: string | null; createdAt: string;
  /** The run's signed package of this strategy, when it was saved from a run that ranked it. */
  package?: PackageRef | null;
}

export interface Problem {
  type: string; title: string; status: number; detail?: string; traceId?: string;
  errors?: { pointer: string; message: string; keyword?: string | null }[];
}

export interface RunOptions {
  mode?: 'mock'; failAt?: Phase; tokensLimit?: number; timeMsLimit?: number; phaseTimeoutMs?: number; mockStepDelayMs?: number;
}

/** Terminal events end a run: the pack artifact, or any error. */
export function isTerminal(event: Pick<OrchestratorEvent, 'phase' | 'type'>): boolean {
  return event.type === 'error' || (event.phase === 'pack' && event.type === 'artifact');
}

/** A workspace's quotas (GET /v1/workspaces/{id}/quotas; contract schema workspace-quotas). */
export type QuotaName =
  'runsPerDay' | 'concurrentRuns' | 'modelTokensPerDay' | 'scenarioBarsPerRequest' | 'scenarioBarsStored' | 'storageBytes';

export interface QuotaStatus {
  quota: QuotaName; description: string; limit: number; installationDefault: number;
  source: 'workspace' | 'installation';
  /** What it counts now; null for scenarioBarsPerRequest, which bounds one request. */
  used: number | null;
}

export interface WorkspaceQuotas { workspaceId: string; day: string; quotas: QuotaStatus[] }

/** A workspace's metered usage of a month (GET /v1/workspaces/{id}/usage; contract schema usage-report). */
export type UsageMeter = 'runs' | 'modelTokens' | 'backtestBars' | 'scenarioBars' | 'storageBytes';

export interface UsageReport {
  workspaceId: string; month: string;
  lines: { meter: UsageMeter; provider: string; model: string; unit: 'run' | 'token' | 'bar' | 'byte'; quantity: number }[];
  days: { day: string; meter: UsageMeter; provider: string; model: string; quantity: number }[];
}

/** Identity and workspaces (contract tags auth and workspaces): what the admin pages show. */
export type WorkspaceRole = 'viewer' | 'trader' | 'admin';
export const WORKSPACE_ROLES: WorkspaceRole[] = ['viewer', 'trader', 'admin'];

/** A workspace and the caller's role in it (null: a system administrator who is not a member). */
export interface Workspace { id: string; name: string; createdAt: string; role: WorkspaceRole | null }
export interface Member { username: string; role: WorkspaceRole; since: string }

/** One of the caller's API keys; the secret itself only ever in an {@link IssuedApiKey}, once. */
export interface ApiKey {
  id: string; name: string; createdAt: string; expiresAt: string | null; lastUsedAt: string | null; revokedAt: string | null;
}
export interface IssuedApiKey extends ApiKey { key: string }

export interface User {
  id: string; username: string; systemAdmin: boolean; defaultWorkspaceId?: string | null; rateLimitPerMinute?: number | null;
}

/** One event of the event store as the audit API shows it (GET /v1/audit/events). */
export interface AuditEvent {
  globalIndex: number; aggregateId: string; aggregateType: string; seq: number; type: string; timestamp: string;
  principal: string; traceId?: string | null; clientTraceId?: string; correlationId?: string | null;
  payload: Record<string, unknown>;
}
export interface AuditPage { items: AuditEvent[]; nextAfter: number | null }
/** The audit API's filters; each one given narrows the page (instants are RFC 3339, `to` exclusive). */
export interface AuditFilter { type?: string; principal?: string; aggregateId?: string; from?: string; to?: string }

// ---- paper trading (openapi.yaml, tag trading); decimals travel as strings, exact ----

export type TradingState = 'active' | 'reducing' | 'halted';

/** A paper session, where it stands (GET /v1/paper-sessions/{id}). */
export interface PaperSession {
  id: string;
  accountId: string;
  instrument: string;
  principal: string;
  status: 'running' | 'stopped';
  state: TradingState;
  nextBar: number;
  barsTotal: number;
  barEveryMs: number;
  equity: string | null;
  position: string;
  fills: number;
  startedAt: string;
  stoppedAt: string | null;
  stopReason: string | null;
  peakEquity?: string | null;
  drawdown?: string | null;
  lastClose?: number | null;
}

export interface SessionOrder {
  clientOrderId: string;
  side: 'buy' | 'sell';
  type: string;
  quantity: string;
  limitPrice?: string | null;
  stopPrice?: string | null;
  timeInForce: string;
  reduceOnly: boolean;
  status: 'submitted' | 'working' | 'partially_filled' | 'filled' | 'rejected' | 'cancelled' | 'denied';
  open: boolean;
  filledQuantity: string;
  averagePrice?: string | null;
  reasonCode?: string | null;
  reasonDetail?: string | null;
  bar: number;
  submittedAt: string;
  updatedAt: string;
}

export interface SessionFill {
  seq: number;
  clientOrderId: string;
  side: 'buy' | 'sell';
  quantity: string;
  price: string;
  fee: string;
  liquidity?: string | null;
  slippage?: string | null;
  leaves: string;
  bar: number;
  filledAt: string;
}

export interface SessionPosition {
  instrument: string;
  quantity: string;
  averagePrice: string;
  markPrice?: string | null;
  unrealised?: string | null;
  realised: string;
  fees: string;
  cash: string;
  updatedAt: string;
}

export interface SessionEquityPoint {
  bar: number;
  barClose: string;
  close: number;
  signal: string;
  equity: string;
  position: string;
  state: TradingState;
}

/** One event of a session's stream (GET /v1/paper-sessions/{id}/events). */
export interface SessionStreamEvent {
  seq: number;
  type: 'started' | 'bar' | 'order' | 'position' | 'risk' | 'kill_switch' | 'stopped';
  kind?: string;
  bar?: number;
  clientOrderId?: string;
  detail?: Record<string, unknown>;
  at: string;
}

/** A limit's usage (GET /v1/paper-sessions/{id}/risk): decimals as strings, null when not measured. */
export interface LimitUsage {
  code: string;
  scope?: string | null;
  limit?: string | null;
  used?: string | null;
  exceeded: boolean;
}

export interface PaperSessionRisk {
  status: 'running' | 'stopped';
  state: TradingState;
  /** The limits in force, as set (absent ones are off; order rates default to 100 a second). */
  limits: Record<string, unknown>;
  usage: {
    at: string;
    state: TradingState;
    equity?: string | null;
    marginUsed?: string | null;
    marginAvailable?: string | null;
    limits: LimitUsage[];
  } | null;
}

/** A kill switch over many sessions: an account's in the workspace, or the global one. */
export interface KillSwitch {
  scope: 'account' | 'global';
  accountId?: string | null;
  engaged: boolean;
  principal: string;
  reason: string;
  updatedAt: string;
}

/** A switch after a change, with the running sessions under it the caller sees. */
export interface KillSwitchStatus {
  scope: 'account' | 'global';
  accountId?: string | null;
  engaged: boolean;
  runningSessions: number;
  haltedSessions: number;
}
