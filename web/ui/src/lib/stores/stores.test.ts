import { describe, expect, it } from 'vitest';
import { createMockApi } from '$lib/services/mockApi';
import { RunStore } from './run.svelte';
import { PortfolioStore } from './portfolio.svelte';
import { HistoryStore } from './history.svelte';

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
