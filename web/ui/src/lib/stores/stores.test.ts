import { describe, expect, it } from 'vitest';
import { ApiError, type AtlasApi } from '$lib/services/api';
import { createMockApi } from '$lib/services/mockApi';
import { RunStore } from './run.svelte';
import { PortfolioStore } from './portfolio.svelte';
import { HistoryStore } from './history.svelte';
import { WorkspaceStore } from './workspace.svelte';

function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 5);
    };
    tick();
  });
}

describe('RunStore', () => {
  it('follows a run to completion and derives its artifacts', async () => {
    const store = new RunStore(createMockApi(1));
    const runId = await store.start('Create MA crossover strategy');
    expect(runId).toBeTruthy();
    await until(() => store.status === 'COMPLETED');
    expect(store.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(store.blueprint?.universe).toContain('XAUUSD');
    expect(store.candidates.length).toBeGreaterThanOrEqual(3);
    expect(store.results.length).toBe(store.candidates.length);
    expect(store.manifest?.strategyId).toBeTruthy();
    expect(store.connection).toBe('closed');
  });

  it('shows the failure of a failed run', async () => {
    const store = new RunStore(createMockApi(1));
    await store.start('please fail');
    await until(() => store.status === 'FAILED');
    expect(store.failure?.phase).toBe('t0');
    expect(store.failure?.message).toBeTruthy();
  });

  it('reports a rejected request instead of throwing', async () => {
    const api = createMockApi(1);
    api.createRun = async () => {
      throw new Error('prompt is required');
    };
    const store = new RunStore(api);
    expect(await store.start('')).toBeNull();
    expect(store.requestError).toBe('prompt is required');
    expect(store.submitting).toBe(false);
  });

  it('stops receiving after close', async () => {
    const store = new RunStore(createMockApi(20));
    await store.start('Create MA crossover strategy');
    store.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(store.events.length).toBe(0);
  });
});

/** A mock API that counts (and can fail) its getResult calls. */
function countingApi(fail?: (n: number) => boolean): { api: AtlasApi; calls: string[] } {
  const api = createMockApi(1);
  const calls: string[] = [];
  const getResult = api.getResult.bind(api);
  api.getResult = async (runId, candidateId, scenarioId) => {
    calls.push(`${candidateId}/${scenarioId}`);
    if (fail?.(calls.length)) {
      throw new ApiError(404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no such result' }, 'no such result');
    }
    return getResult(runId, candidateId, scenarioId);
  };
  return { api, calls };
}

describe('RunStore ranking and results', () => {
  it('derives the ranking, scenarios, scoring and package download of a mock run', async () => {
    const store = new RunStore(createMockApi(1));
    await store.start('Create MA crossover strategy');
    await until(() => store.status === 'COMPLETED');
    expect(store.ranking.map((r) => [r.rank, r.candidateId])).toEqual([
      [1, 'sma-crossover-xauusd'], [2, 'rsi-mean-revert-xauusd'], [3, 'channel-breakout-xauusd']
    ]);
    expect(store.scenarios.map((s) => s.id)).toEqual(['trend-42-0']);
    expect(store.scoring?.formula).toContain('worst Sharpe');
    expect(store.downloadUrl).toBeTruthy();
    expect(store.manifest?.signature?.publicKeyId).toBe('atlas-local-dev-1');
  });

  it('derives an engine run: results by reference on several scenarios, ranked best first', async () => {
    const store = new RunStore(createMockApi(1));
    await store.start('engine run');
    await until(() => store.status === 'COMPLETED');
    expect(store.ranking[0]).toMatchObject({ rank: 1, candidateId: 'sma-crossover-xauusd', worstScenario: 'trend-down' });
    expect(store.scenarios.map((s) => s.id)).toEqual(['trend-up', 'trend-down']);
    expect(store.results.every((r) => r.detailUrl && !r.equity)).toBe(true);
    expect(store.terms?.monteCarlo?.paths).toBe(200);
  });

  it('builds an inline (mock-mode) result detail without a request', async () => {
    const { api, calls } = countingApi();
    const store = new RunStore(api);
    await store.start('Create MA crossover strategy');
    await until(() => store.status === 'COMPLETED');
    const detail = await store.loadDetail('rsi-mean-revert-xauusd', 'trend-42-0');
    expect(detail?.equity.length).toBeGreaterThan(1);
    expect(detail?.band).toBeNull();
    expect(store.detailFor('rsi-mean-revert-xauusd', 'trend-42-0')).toEqual({ state: 'ready', detail });
    expect(calls).toEqual([]);
  });

  it('fetches an engine result detail once per cell, showing it loading first', async () => {
    const { api, calls } = countingApi();
    const store = new RunStore(api);
    await store.start('engine run');
    await until(() => store.status === 'COMPLETED');
    expect(store.detailFor('sma-crossover-xauusd', 'trend-up')).toBeNull();
    const first = store.loadDetail('sma-crossover-xauusd', 'trend-up');
    expect(store.detailFor('sma-crossover-xauusd', 'trend-up')).toEqual({ state: 'loading' });
    const again = store.loadDetail('sma-crossover-xauusd', 'trend-up');
    const detail = await first;
    expect(await again).toBe(detail);
    expect(await store.loadDetail('sma-crossover-xauusd', 'trend-up')).toBe(detail);
    expect(detail?.band?.p5.length).toBeGreaterThan(0);
    expect(store.detailFor('sma-crossover-xauusd', 'trend-up')).toMatchObject({ state: 'ready' });
    expect(calls).toEqual(['sma-crossover-xauusd/trend-up']);

    await store.loadDetail('sma-crossover-xauusd', 'trend-down');
    expect(calls).toEqual(['sma-crossover-xauusd/trend-up', 'sma-crossover-xauusd/trend-down']);
  });

  it('reports a failed detail and retries it when asked again', async () => {
    const { api, calls } = countingApi((n) => n === 1);
    const store = new RunStore(api);
    await store.start('engine run');
    await until(() => store.status === 'COMPLETED');
    expect(await store.loadDetail('rsi-mean-revert-xauusd', 'trend-up')).toBeNull();
    expect(store.detailFor('rsi-mean-revert-xauusd', 'trend-up')).toEqual({ state: 'error', message: 'no such result', httpStatus: 404 });
    expect(await store.loadDetail('rsi-mean-revert-xauusd', 'trend-up')).not.toBeNull();
    expect(store.detailFor('rsi-mean-revert-xauusd', 'trend-up')).toMatchObject({ state: 'ready' });
    expect(calls).toHaveLength(2);
  });

  it('forgets the details of the previous run when another is opened', async () => {
    const { api, calls } = countingApi();
    const store = new RunStore(api);
    const first = await store.start('engine run');
    await until(() => store.status === 'COMPLETED');
    await store.loadDetail('sma-crossover-xauusd', 'trend-up');
    await store.start('engine run again');
    expect(store.runId).not.toBe(first);
    expect(store.details).toEqual({});
    await until(() => store.status === 'COMPLETED');
    await store.loadDetail('sma-crossover-xauusd', 'trend-up');
    expect(calls).toHaveLength(2);
  });

  it('gets the server 404 for a detail asked before t0 finished', async () => {
    const api = createMockApi(50);
    const { runId } = await api.createRun('engine run');
    const error = await api.getResult(runId, 'sma-crossover-xauusd', 'trend-up').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(404);
    expect(error.message).toContain('t0 phase has not finished');
  });
});

describe('PortfolioStore and HistoryStore', () => {
  it('saves a candidate and lists it', async () => {
    const api = createMockApi(1);
    const run = new RunStore(api);
    await run.start('Create MA crossover strategy');
    await until(() => run.status === 'COMPLETED');
    const portfolio = new PortfolioStore(api);
    const saved = await portfolio.save(run.candidates[0], run.runId);
    expect(saved?.strategy.id).toBe(run.candidates[0].id);
    await portfolio.load();
    expect(portfolio.items.map((i) => i.strategy.id)).toContain(run.candidates[0].id);
    expect(portfolio.savedIds).toContain(run.candidates[0].id);
  });

  it('keeps the package a strategy was saved with', async () => {
    const api = createMockApi(1);
    const run = new RunStore(api);
    await run.start('Create MA crossover strategy');
    await until(() => run.status === 'COMPLETED');
    const portfolio = new PortfolioStore(api);
    const best = run.candidates.find((c) => c.id === run.ranking[0].candidateId)!;
    const saved = await portfolio.save(best, run.runId);
    expect(saved?.package?.packageId).toBe(run.manifest?.packageId);
    expect(saved?.package?.url).toBe(run.downloadUrl);
    const other = await portfolio.save(run.candidates.find((c) => c.id !== best.id)!, run.runId);
    expect(other?.package).toBeNull();
  });

  it('lists runs newest first', async () => {
    const api = createMockApi(1);
    await api.createRun('first');
    await api.createRun('second');
    const history = new HistoryStore(api);
    await history.load();
    expect(history.items.map((r) => r.prompt)).toEqual(['second', 'first']);
  });
});

describe('cancelling', () => {
  it('ends a running run with a run.cancelled failure', async () => {
    const store = new RunStore(createMockApi(30));
    await store.start('cancel me');
    await until(() => store.events.length >= 1);
    await store.cancel();
    await until(() => store.status === 'FAILED');
    expect(store.failure?.code).toBe('run.cancelled');
    expect(store.events.map((e) => e.seq)).toEqual(store.events.map((_, i) => i + 1));
    expect(store.cancelling).toBe(false);
  });
});

describe('WorkspaceStore', () => {
  it('loads the quotas, and the usage only when asked (admins)', async () => {
    const api = createMockApi(1);
    const me = await api.me();
    const member = new WorkspaceStore(api);
    await member.load(me.workspace!.id, false);
    expect(member.quotas?.quotas.map((q) => q.quota)).toContain('runsPerDay');
    expect(member.usage).toBeNull();
    const admin = new WorkspaceStore(api);
    await admin.load(me.workspace!.id, true);
    expect(admin.usage?.lines.length).toBeGreaterThan(0);
    expect(admin.loading).toBe(false);
  });

  it('keeps each answer\'s failure apart: quotas shown, usage refused', async () => {
    const api: AtlasApi = {
      ...createMockApi(1),
      getUsage: async () => { throw new ApiError(403, null, 'you may not do this'); }
    };
    const store = new WorkspaceStore(api);
    await store.load((await api.me()).workspace!.id, true);
    expect(store.quotas).not.toBeNull();
    expect(store.quotasError).toBeNull();
    expect(store.usageError).toBe('you may not do this');
  });
});
