import type { BacktestDetail, BacktestResult, EquityPoint, McBand, T0Rank, T0Scenario, T0Scoring } from '$lib/types';

/**
 * Pure helpers over a run's t0 results: the ranking, the scenario list, which cell is shown, and
 * the Monte Carlo band as chart lines. Shared by the run store, its container and the presenters.
 */

/** One key per (candidate, scenario) cell. */
export function cellKey(candidateId: string, scenarioId: string): string {
  return JSON.stringify([candidateId, scenarioId]);
}

/**
 * The ranking the t0 event states, best first; for runs recorded before it stated one, the same
 * robust score recomputed from the results: worst Sharpe over the scenarios, less the drawdown
 * penalty when the scoring is known; ties go to the lower worst drawdown, then the id.
 */
export function rankCandidates(results: BacktestResult[], ranking?: T0Rank[] | null, scoring?: T0Scoring | null): T0Rank[] {
  if (ranking && ranking.length > 0) return [...ranking].sort((a, b) => a.rank - b.rank);
  const worst = new Map<string, { worstSharpe: number; worstMaxDrawdown: number; worstScenario: string }>();
  for (const r of results) {
    const w = worst.get(r.candidateId);
    if (!w) {
      worst.set(r.candidateId, { worstSharpe: r.metrics.sharpe, worstMaxDrawdown: r.metrics.max_drawdown, worstScenario: r.scenarioId });
      continue;
    }
    if (r.metrics.sharpe < w.worstSharpe) {
      w.worstSharpe = r.metrics.sharpe;
      w.worstScenario = r.scenarioId;
    }
    w.worstMaxDrawdown = Math.max(w.worstMaxDrawdown, r.metrics.max_drawdown);
  }
  const penalty = (mdd: number) => (scoring ? scoring.mddPenalty * Math.max(0, mdd - scoring.maxDrawdownLimit) : 0);
  return [...worst.entries()]
    .map(([candidateId, w]) => ({ candidateId, score: w.worstSharpe - penalty(w.worstMaxDrawdown), ...w }))
    .sort((a, b) => b.score - a.score || a.worstMaxDrawdown - b.worstMaxDrawdown || (a.candidateId < b.candidateId ? -1 : 1))
    .map((r, i) => ({ rank: i + 1, ...r }));
}

/** The scenarios the event names, in its order; otherwise the results' scenario ids in first-seen order. */
export function scenarioList(results: BacktestResult[], scenarios?: T0Scenario[] | null): T0Scenario[] {
  if (scenarios && scenarios.length > 0) return scenarios;
  const ids = [...new Set(results.map((r) => r.scenarioId))];
  return ids.map((id) => ({ id, family: '' }));
}

/**
 * The cell to show: the chosen candidate (else the best ranked) on the chosen scenario when it has
 * a result there (else its first scenario with a result, in scenario order).
 */
export function pickCell(
  ranking: T0Rank[], results: BacktestResult[], scenarios: T0Scenario[],
  candidateId: string | null | undefined, scenarioId: string | null | undefined
): { candidateId: string; scenarioId: string } | null {
  const known = (id: string | null | undefined): id is string => !!id && results.some((r) => r.candidateId === id);
  const candidate = known(candidateId) ? candidateId : (ranking.map((r) => r.candidateId).find(known) ?? results[0]?.candidateId);
  if (!candidate) return null;
  const own = results.filter((r) => r.candidateId === candidate);
  if (scenarioId && own.some((r) => r.scenarioId === scenarioId)) return { candidateId: candidate, scenarioId };
  const first = scenarios.find((s) => own.some((r) => r.scenarioId === s.id))?.id ?? own[0]?.scenarioId;
  return first ? { candidateId: candidate, scenarioId: first } : null;
}

/** The detail of a result that carries its curve inline (mock mode), with no request; else null. */
export function inlineDetail(result: BacktestResult): BacktestDetail | null {
  if (!result.equity || result.equity.length === 0) return null;
  return {
    candidateId: result.candidateId,
    scenarioId: result.scenarioId,
    signature: result.signature ?? null,
    ...(result.periodsPerYear === undefined ? {} : { periodsPerYear: result.periodsPerYear }),
    metrics: result.metrics,
    equity: result.equity,
    trades: result.trades ?? [],
    band: null
  };
}

/** The Monte Carlo paths behind a run's results (all share the phase's terms), or null. */
export function monteCarloPaths(results: BacktestResult[]): number | null {
  return results.find((r) => r.monteCarlo)?.monteCarlo?.paths ?? null;
}

export interface BandLines { p5: EquityPoint[]; p50: EquityPoint[]; p95: EquityPoint[] }

/**
 * The band as three lines on the equity curve's bar axis: band.bars[k] indexes the curve, so its
 * point k is drawn at that equity point's bar (or at bar bars[k] past the curve's end). Points
 * that are not finite or not after the previous one are dropped, as the chart needs strictly
 * increasing times.
 */
export function bandLines(equity: EquityPoint[], band: McBand | null | undefined): BandLines {
  const lines: BandLines = { p5: [], p50: [], p95: [] };
  if (!band) return lines;
  let last = -Infinity;
  band.bars.forEach((index, k) => {
    const t = equity[index]?.t ?? index;
    const [p5, p50, p95] = [band.p5[k], band.p50[k], band.p95[k]];
    if (!(t > last) || ![p5, p50, p95].every((v) => typeof v === 'number' && Number.isFinite(v))) return;
    last = t;
    lines.p5.push({ t, v: p5 });
    lines.p50.push({ t, v: p50 });
    lines.p95.push({ t, v: p95 });
  });
  return lines;
}
