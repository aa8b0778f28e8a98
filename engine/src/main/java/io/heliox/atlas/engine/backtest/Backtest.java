package io.heliox.atlas.engine.backtest;

import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.analytics.Metrics;
import io.heliox.atlas.engine.analytics.MonteCarlo;
import io.heliox.atlas.engine.analytics.WalkForward;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.execution.Simulator;
import io.heliox.atlas.engine.scenario.Bars;

/**
 * The engine's front door: a validated strategy (its IR and hash) on a market (its bars and
 * content hash) under {@link BacktestSpec} → a {@link BacktestReport} with its signature.
 */
public final class Backtest {

    /**
     * Part of every result signature: bump it whenever a change can alter any number a backtest
     * produces (fill rules, accounting, metrics, bootstrap), so stale cached results are never served.
     */
    public static final String ENGINE_VERSION = "atlas-backtest/1";

    private Backtest() {
    }

    public static BacktestReport run(IrStrategy ir, String irHash, Bars bars, String scenarioHash, double periodsPerYear,
                                     BacktestSpec spec) {
        BacktestRun run = Simulator.run(ir, bars, spec.execution());
        Metrics metrics = Metrics.of(run, periodsPerYear);
        MonteCarlo.Result mc = spec.monteCarlo() == null ? null
                : MonteCarlo.run(Metrics.returns(run.equityWithStart()), spec.monteCarlo().paths(),
                spec.monteCarlo().blockLength(), spec.monteCarlo().seed(), periodsPerYear);
        WalkForward.Result wf = spec.walkForwardFolds() == 0 ? null
                : WalkForward.run(run, spec.walkForwardFolds(), periodsPerYear);
        return new BacktestReport(ResultSignature.of(irHash, scenarioHash, periodsPerYear, spec), irHash, scenarioHash,
                spec, periodsPerYear, run, metrics, mc, wf);
    }
}
