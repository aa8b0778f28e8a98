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

export interface Trade { t: number; side: 'buy' | 'sell'; qty: number; px: number; fee: number; slippage: number }
export interface Metrics {
  sharpe: number; sortino: number; max_drawdown: number; win_rate: number;
  profit_factor: number | null; cagr: number; trade_count: number; exposure: number;
}
export interface BacktestResult {
  candidateId: string;
  scenarioId: string;
  periodsPerYear?: number;
  equity: { t: number; v: number }[];
  trades: Trade[];
  metrics: Metrics;
}

export interface PackManifest {
  packageId: string; strategyId: string; irHash: string; engineVersion: string; createdAt: string;
  seed?: number; scenarios?: string[]; files: { path: string; sha256: string; bytes: number }[];
}

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

export interface PortfolioItem { id: string; name: string; strategy: StrategyDsl; runId?: string | null; createdAt: string }

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
