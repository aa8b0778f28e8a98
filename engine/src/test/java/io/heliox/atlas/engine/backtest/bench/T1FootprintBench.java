package io.heliox.atlas.engine.backtest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.engine.backtest.Backtest;
import io.heliox.atlas.engine.backtest.BacktestJson;
import io.heliox.atlas.engine.backtest.BacktestReport;
import io.heliox.atlas.engine.backtest.BacktestSpec;
import io.heliox.atlas.engine.backtest.EquityNpy;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;

/**
 * Benchmark, not a test ({@code make bench}, in its own JVM started with {@code -Xmx200m}, so
 * finishing at all proves a T1 run fits the roadmap's 200 MB): the peak heap of a T1 backtest
 * (50k bars: generate, signals, simulation, metrics, Monte Carlo 1,000 paths, walk-forward 5
 * folds, the three result files), and the wall time of Monte Carlo 1,000 paths × 50k bars, median
 * of 7 after 3 warm-up runs.
 */
public final class T1FootprintBench {

    private T1FootprintBench() {
    }

    public static void main(String[] args) throws Exception {
        Validation strategy = new StrategyValidator().validate(new ObjectMapper().readTree(Crossover.STRATEGY));
        ScenarioSpec market = ScenarioSpec.parse("""
                {"id":"t1-footprint","version":"0.1","timeframe":"1h","duration_bars":50000,"seed":42,
                 "family":"vol_cluster","params":{"omega":10,"alpha":0.05,"beta":0.9,"mu":0},"volume_model":"lognormal"}""");
        BacktestSpec spec = new BacktestSpec(ExecutionConfig.of(100_000).withCosts(2, 1).withBarDelay(1)
                .withVolSlippage(0.2, 20), new BacktestSpec.MonteCarloSpec(1000, 40, 7), 5);

        System.gc();
        resetPeaks();
        long before = heapUsed();
        int runs = 10;
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            Bars bars = ScenarioGenerator.generate(market);
            BacktestReport report = Backtest.run(strategy.ir(), strategy.irHash(), bars, market.scenarioHash(),
                    market.timeframe().periodsPerYear(), spec);
            byte[][] files = {EquityNpy.write(report.run().equity()), BacktestJson.tradesJsonl(report.run(), bars),
                    BacktestJson.metricsJson(report)};
            millis[i] = (System.nanoTime() - started) / 1e6;
            if (files[2].length == 0) {
                throw new IllegalStateException("no metrics");
            }
        }
        long peak = heapPeak();
        double[] measured = Arrays.copyOfRange(millis, 3, runs);
        Arrays.sort(measured);
        System.out.printf("%nBENCH T1 footprint (-Xmx%d MB, %d cores): 50k bars + MC 1000 paths + WF 5 + files%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.printf("BENCH   peak heap %.1f MB (used before %.1f MB; budget 200 MB); whole T1 computation p50 %.0f ms%n",
                peak / 1048576.0, before / 1048576.0, measured[measured.length / 2]);

        Bars bars = ScenarioGenerator.generate(market);
        double[] returns = io.heliox.atlas.engine.analytics.Metrics.returns(
                io.heliox.atlas.engine.execution.Simulator.run(strategy.ir(), bars, spec.execution()).equityWithStart());
        double[] mc = new double[10];
        for (int i = 0; i < mc.length; i++) {
            long started = System.nanoTime();
            io.heliox.atlas.engine.analytics.MonteCarlo.run(returns, 1000, 40, i, 6240);
            mc[i] = (System.nanoTime() - started) / 1e6;
        }
        double[] mcMeasured = Arrays.copyOfRange(mc, 3, mc.length);
        Arrays.sort(mcMeasured);
        System.out.printf("BENCH   Monte Carlo 1,000 paths x 50,000 bars: p50 %.0f ms, min %.0f ms (parallel on %d cores)%n%n",
                mcMeasured[mcMeasured.length / 2], mcMeasured[0], Runtime.getRuntime().availableProcessors());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the peak (pools peak at different moments). */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
