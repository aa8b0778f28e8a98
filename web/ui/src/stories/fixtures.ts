import type { BacktestResult, OrchestratorEvent, PortfolioItem, StrategyDsl } from '$lib/types';
import e1 from '$contracts/fixtures/valid/orchestrator-event/mock-run-01-architect-status.json';
import e2 from '$contracts/fixtures/valid/orchestrator-event/mock-run-02-architect-artifact.json';
import e3 from '$contracts/fixtures/valid/orchestrator-event/mock-run-03-synth-status.json';
import e4 from '$contracts/fixtures/valid/orchestrator-event/mock-run-04-synth-artifact.json';
import e5 from '$contracts/fixtures/valid/orchestrator-event/mock-run-05-t0-status.json';
import e6 from '$contracts/fixtures/valid/orchestrator-event/mock-run-06-t0-artifact.json';
import e7 from '$contracts/fixtures/valid/orchestrator-event/mock-run-07-pack-artifact.json';
import failure from '$contracts/fixtures/valid/orchestrator-event/error-t0-fail-at.json';

/** Story data: the contract's own fixtures, so stories show exactly what the server sends. */
export const completedRun = [e1, e2, e3, e4, e5, e6, e7] as OrchestratorEvent[];
export const runningRun = completedRun.slice(0, 3);
export const failedRun = [e1, e2, e3, e4, e5, failure] as OrchestratorEvent[];
export const candidates = (e4 as OrchestratorEvent).payload.candidates as StrategyDsl[];
export const results = (e6 as OrchestratorEvent).payload.results as BacktestResult[];
export const portfolio: PortfolioItem[] = candidates.map((strategy, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`, name: strategy.name, strategy, runId: e1.runId,
  createdAt: '2026-11-24T10:00:00Z'
}));
