import type {
  AuditEvent,
  BacktestDetail, BacktestResult, DetailState, OrchestratorEvent, PackArtifact, PackManifest, PortfolioItem, StrategyDsl, T0Artifact,
  UsageReport, WorkspaceQuotas
} from '$lib/types';
import { inlineDetail, rankCandidates, scenarioList } from '$lib/t0';
import e1 from '$contracts/fixtures/valid/orchestrator-event/mock-run-01-architect-status.json';
import e2 from '$contracts/fixtures/valid/orchestrator-event/mock-run-02-architect-artifact.json';
import e3 from '$contracts/fixtures/valid/orchestrator-event/mock-run-03-synth-status.json';
import e4 from '$contracts/fixtures/valid/orchestrator-event/mock-run-04-synth-artifact.json';
import e5 from '$contracts/fixtures/valid/orchestrator-event/mock-run-05-t0-status.json';
import e6 from '$contracts/fixtures/valid/orchestrator-event/mock-run-06-t0-artifact.json';
import e7 from '$contracts/fixtures/valid/orchestrator-event/mock-run-07-pack-artifact.json';
import failure from '$contracts/fixtures/valid/orchestrator-event/error-t0-fail-at.json';
import engineT0Event from '$contracts/fixtures/valid/orchestrator-event/llm-run-t0-artifact.json';
import engineDetailFixture from '$contracts/fixtures/valid/backtest-detail/engine-result.json';
import hsp1Manifest from '$contracts/fixtures/valid/pack-manifest/hsp1-run-package.json';
import unsignedManifest from '$contracts/fixtures/valid/pack-manifest/unsigned-minimal.json';
import quotasFixture from '$contracts/fixtures/valid/workspace-quotas/desk.json';
import usageFixture from '$contracts/fixtures/valid/usage-report/december.json';

/** Story data: the contract's own fixtures, so stories show exactly what the server sends. */
export const completedRun = [e1, e2, e3, e4, e5, e6, e7] as OrchestratorEvent[];
export const runningRun = completedRun.slice(0, 3);
export const failedRun = [e1, e2, e3, e4, e5, failure] as OrchestratorEvent[];
export const candidates = (e4 as OrchestratorEvent).payload.candidates as StrategyDsl[];

/** Mock mode's t0: one scenario, curves inline, no band. */
export const mockT0 = (e6 as OrchestratorEvent).payload as unknown as T0Artifact;
export const results = mockT0.results;
export const ranking = rankCandidates(results, mockT0.ranking, mockT0.scoring);
export const scenarios = scenarioList(results, mockT0.scenarios);
export const mockDetail: DetailState | null = results[0] ? detailOf(results[0]) : null;

/** The engine's t0: several scenarios, results by reference, a Monte Carlo band in the detail. */
export const engineRunId = engineT0Event.runId;
export const engineT0 = (engineT0Event as OrchestratorEvent).payload as unknown as T0Artifact;
export const engineResults: BacktestResult[] = engineT0.results;
export const engineRanking = rankCandidates(engineResults, engineT0.ranking, engineT0.scoring);
export const engineScenarios = scenarioList(engineResults, engineT0.scenarios);
export const engineDetail = engineDetailFixture as BacktestDetail;
export const engineDetailReady: DetailState = { state: 'ready', detail: engineDetail };

export const packArtifact = (e7 as OrchestratorEvent).payload as unknown as PackArtifact;
export const signedManifest = hsp1Manifest as PackManifest;
export const minimalManifest = unsignedManifest as PackManifest;

export const portfolio: PortfolioItem[] = candidates.map((strategy, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`, name: strategy.name, strategy, runId: e1.runId,
  createdAt: '2026-11-24T10:00:00Z',
  package: i === 0
    ? { packageId: signedManifest.packageId, url: `/v1/runs/${e1.runId}/package`, sha256: '5'.repeat(64), contentHash: signedManifest.contentHash }
    : null
}));

function detailOf(result: BacktestResult): DetailState | null {
  const detail = inlineDetail(result);
  return detail ? { state: 'ready', detail } : null;
}

/** A workspace's quotas and a month's usage, as the contract's fixtures have them. */
export const workspaceQuotas = quotasFixture as WorkspaceQuotas;
export const usageReport = usageFixture as UsageReport;

/** The admin screens' data: mock mode's seed, and a run's story in the audit trail as the server tells it. */
export { workspaces, users, members, keys, MOCK_USER } from '$lib/services/adminSeed';
export const auditEvents: AuditEvent[] = [
  { globalIndex: 4101, aggregateId: e1.runId, aggregateType: 'Run', seq: 0, type: 'RunCreatedEvent', timestamp: '2026-12-01T09:14:03.112Z',
    principal: 'dana', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', clientTraceId: '7d1c0a55e1f94b2c', correlationId: null,
    payload: { runId: e1.runId, prompt: 'Create MA crossover strategy', seed: 42 } },
  { globalIndex: 4102, aggregateId: e1.runId, aggregateType: 'Run', seq: 1, type: 'PhaseStatusReportedEvent', timestamp: '2026-12-01T09:14:03.180Z',
    principal: 'dana', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', correlationId: e1.runId, payload: { runId: e1.runId, phase: 'architect' } },
  { globalIndex: 4150, aggregateId: '5b0c2f4e-8a61-4c55-9d4f-1f0a3c2e7b10', aggregateType: 'Workspace', seq: 7, type: 'MemberRoleSetEvent',
    timestamp: '2026-12-01T10:02:44.009Z', principal: 'mock', traceId: '0af7651916cd43dd8448eb211c80319c', correlationId: null,
    payload: { workspaceId: '5b0c2f4e-8a61-4c55-9d4f-1f0a3c2e7b10', username: 'vic', role: 'viewer' } }
];
