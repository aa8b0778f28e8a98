package io.heliox.atlas.engine.backtest;

import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.analytics.Metrics;
import io.heliox.atlas.engine.analytics.MonteCarlo;
import io.heliox.atlas.engine.analytics.WalkForward;

/**
 * One backtest's outcome: the simulation, its scorecard, and the optional robustness checks.
 *
 * @param monteCarlo  null when not requested
 * @param walkForward null when not requested
 */
public record BacktestReport(String signature, String irHash, String scenarioHash, BacktestSpec spec,
                             double periodsPerYear, BacktestRun run, Metrics metrics, MonteCarlo.Result monteCarlo,
                             WalkForward.Result walkForward) {
}
