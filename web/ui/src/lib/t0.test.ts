import { describe, expect, it } from 'vitest';
import type { BacktestResult, Metrics } from '$lib/types';
import { bandLines, cellKey, inlineDetail, monteCarloPaths, pickCell, rankCandidates, scenarioList } from './t0';

const metrics = (sharpe: number, max_drawdown: number): Metrics => ({
  sharpe, sortino: null, max_drawdown, win_rate: 0.5, profit_factor: null, cagr: 0, trade_count: 1, exposure: 0.5
});
const result = (candidateId: string, scenarioId: string, sharpe: number, mdd: number, extra: Partial<BacktestResult> = {}): BacktestResult =>
  ({ candidateId, scenarioId, metrics: metrics(sharpe, mdd), ...extra });

const results = [
  result('a', 'trend-up', 1.2, 0.05), result('a', 'shocks', 0.4, 0.3),
  result('b', 'trend-up', 0.9, 0.04), result('b', 'shocks', 0.6, 0.08),
  result('c', 'trend-up', 0.6, 0.02), result('c', 'shocks', 0.6, 0.02)
];

describe('rankCandidates', () => {
  it('keeps the event ranking, best first', () => {
    const ranking = [
      { rank: 2, candidateId: 'b', score: 0.1, worstSharpe: 0.1, worstMaxDrawdown: 0.1 },
      { rank: 1, candidateId: 'a', score: 0.2, worstSharpe: 0.2, worstMaxDrawdown: 0.1 }
    ];
    expect(rankCandidates(results, ranking).map((r) => r.candidateId)).toEqual(['a', 'b']);
  });

  it('recomputes the robust score for runs without one: worst Sharpe less the drawdown penalty', () => {
    const ranked = rankCandidates(results, undefined, { formula: 'f', mddPenalty: 5, maxDrawdownLimit: 0.15 });
    // a: 0.4 - 5 x (0.3 - 0.15) = -0.35; b: 0.6; c: 0.6 with a lower worst drawdown than b
    expect(ranked.map((r) => [r.rank, r.candidateId])).toEqual([[1, 'c'], [2, 'b'], [3, 'a']]);
    expect(ranked[2]).toMatchObject({ worstSharpe: 0.4, worstMaxDrawdown: 0.3, worstScenario: 'shocks' });
    expect(ranked[2].score).toBeCloseTo(-0.35);
  });

  it('ranks by worst Sharpe alone when the scoring is unknown', () => {
    expect(rankCandidates(results).map((r) => r.candidateId)).toEqual(['c', 'b', 'a']);
    expect(rankCandidates([])).toEqual([]);
  });
});

describe('scenarioList and pickCell', () => {
  const scenarios = [{ id: 'trend-up', family: 'trend' }, { id: 'shocks', family: 'shocks' }];
  const ranking = rankCandidates(results);

  it('lists the event scenarios, else the results scenario ids in order', () => {
    expect(scenarioList(results, scenarios)).toBe(scenarios);
    expect(scenarioList(results).map((s) => s.id)).toEqual(['trend-up', 'shocks']);
  });

  it('shows the best ranked candidate on its first scenario until one is chosen', () => {
    expect(pickCell(ranking, results, scenarios, null, null)).toEqual({ candidateId: 'c', scenarioId: 'trend-up' });
    expect(pickCell(ranking, results, scenarios, 'a', 'shocks')).toEqual({ candidateId: 'a', scenarioId: 'shocks' });
  });

  it('falls back from an unknown candidate or scenario', () => {
    expect(pickCell(ranking, results, scenarios, 'nope', 'shocks')).toEqual({ candidateId: 'c', scenarioId: 'shocks' });
    expect(pickCell(ranking, results, scenarios, 'a', 'nope')).toEqual({ candidateId: 'a', scenarioId: 'trend-up' });
    expect(pickCell([], [], [], null, null)).toBeNull();
  });

  it('keys a cell by both ids, unambiguously', () => {
    expect(cellKey('a-b', 'c')).not.toBe(cellKey('a', 'b-c'));
  });
});

describe('inlineDetail', () => {
  it('builds a mock-mode detail from the inline curve, with no band', () => {
    const r = result('a', 's', 1, 0.1, { periodsPerYear: 6240, equity: [{ t: 0, v: 100 }, { t: 1, v: 101 }] });
    expect(inlineDetail(r)).toEqual({
      candidateId: 'a', scenarioId: 's', signature: null, periodsPerYear: 6240, metrics: r.metrics,
      equity: r.equity, trades: [], band: null
    });
  });

  it('has nothing to build for an engine result (detailUrl)', () => {
    expect(inlineDetail(result('a', 's', 1, 0.1, { detailUrl: '/v1/runs/x/results/a/s' }))).toBeNull();
  });

  it('finds the Monte Carlo path count', () => {
    const mc = { paths: 200, block_length: 20, sharpe_p5: 0, sharpe_p50: 0, max_drawdown_p95: 0.1, profit_factor_p5: null };
    expect(monteCarloPaths([result('a', 's', 1, 0), result('b', 's', 1, 0, { monteCarlo: mc })])).toBe(200);
    expect(monteCarloPaths(results)).toBeNull();
  });
});

describe('bandLines', () => {
  const equity = [0, 1, 2, 3, 4].map((i) => ({ t: i * 10, v: 100 + i }));

  it('draws band point k at the bar of equity point bars[k]', () => {
    const lines = bandLines(equity, { bars: [0, 2, 4], p5: [90, 91, 92], p50: [100, 101, 102], p95: [110, 111, 112] });
    expect(lines.p5).toEqual([{ t: 0, v: 90 }, { t: 20, v: 91 }, { t: 40, v: 92 }]);
    expect(lines.p50.map((p) => p.t)).toEqual([0, 20, 40]);
    expect(lines.p95.at(-1)).toEqual({ t: 40, v: 112 });
  });

  it('drops repeated, backward and non-finite points', () => {
    const lines = bandLines(equity, { bars: [1, 1, 3, 0, 4], p5: [1, 2, Number.NaN, 4, 5], p50: [1, 2, 3, 4, 5], p95: [1, 2, 3, 4, 5] });
    expect(lines.p5).toEqual([{ t: 10, v: 1 }, { t: 40, v: 5 }]);
    expect(lines.p95.map((p) => p.t)).toEqual([10, 40]);
  });

  it('places an index past the end of the curve at that bar', () => {
    const byIndex = [0, 1, 2, 3, 4, 5].map((t) => ({ t, v: 100 }));
    const lines = bandLines(byIndex, { bars: [2, 4, 6], p5: [1, 2, 3], p50: [1, 2, 3], p95: [1, 2, 3] });
    expect(lines.p50.map((p) => p.t)).toEqual([2, 4, 6]);
  });

  it('is empty without a band', () => {
    expect(bandLines(equity, null)).toEqual({ p5: [], p50: [], p95: [] });
  });
});
