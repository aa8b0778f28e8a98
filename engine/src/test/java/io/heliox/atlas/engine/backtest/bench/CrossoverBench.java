package io.heliox.atlas.engine.backtest.bench;

import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.scenario.Bars;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;

import java.util.concurrent.TimeUnit;

/**
 * A whole SMA(10)/SMA(30) crossover backtest (signals + simulation, long only, all in, no
 * costs), side by side: the DSL path ({@code Simulator.run(ir, bars, config)} from an IR
 * validated once), a hand-written {@code double[]} loop, and ta4j 0.17 with DoubleNum. Targets
 * (issue): the DSL path ≥ 10× faster than ta4j and within 2× of the plain loop.
 *
 * <p>The setup runs all three once per trial and refuses to bench (IllegalStateException) unless
 * they trade on the same bars and the DSL and the plain loop end with the same equity: the
 * figures are for identical work. {@link Crossover} documents how ta4j is aligned.
 *
 * <p>Run: {@code mvn -pl engine test-compile exec:exec@bench-backtest} (part of {@code make bench}),
 * or, with JMH options after it (e.g. -p bars=50000 -wi 1 -i 3),
 * {@code java -cp <engine test classpath> io.heliox.atlas.engine.backtest.bench.CrossoverBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1) // the 1M-bar DSL run needs ~4 s of warm-up before its time settles
@Measurement(iterations = 5, time = 1)
// Room for ta4j's 1M-bar series and caches, the heap fixed and touched up front. Without that the
// heap grows during the run and memory touched for the first time costs page faults: the 1M-bar
// figures (plain loop included) flipped between two modes 1.7× apart, at 50k bars the
// column-allocating DSL path was up to 10× slower (measured on this 2-vCPU VM). Two forks, since a
// fork's JIT and memory layout can shift a whole fork's figures.
@Fork(value = 2, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class CrossoverBench {

    @Param({"1000", "50000", "1000000"})
    public int bars;

    private Bars data;
    private IrStrategy ir;
    private BarSeries series;
    private byte[] actions;

    @Setup(Level.Trial)
    public void setUp() {
        data = Crossover.bars(bars);
        ir = Crossover.strategy();
        series = Crossover.ta4jSeries(data);
        actions = io.heliox.atlas.engine.signals.SignalEvaluator.evaluate(ir, data);
        Crossover.Trades trades = Crossover.checkAgreement(ir, data, series);
        if (trades.count() == 0) {
            throw new IllegalStateException("the bench scenario must trade");
        }
    }

    @Benchmark
    public BacktestRun dsl() {
        return Crossover.dsl(ir, data);
    }

    /** Not a target peer: the DSL path's decisions alone (the fused MA-crossing kernel), to split its time. */
    @Benchmark
    public byte[] dslSignalsOnly() {
        return io.heliox.atlas.engine.signals.SignalEvaluator.evaluate(ir, data);
    }

    /** Not a target peer: the DSL path's simulation of precomputed decisions, the other half of its time. */
    @Benchmark
    public BacktestRun dslSimulationOnly() {
        return io.heliox.atlas.engine.execution.Simulator.run(actions, ir.sizing(), ir.risk(), data, Crossover.CONFIG);
    }

    @Benchmark
    public Crossover.Trades plainLoop() {
        return Crossover.plainLoop(data.close());
    }

    /** Not a target peer: the plain loop plus the per-bar equity curve, to show what that costs. */
    @Benchmark
    public double[] plainLoopWithEquity() {
        return Crossover.plainLoopWithEquity(data.close());
    }

    @Benchmark
    public TradingRecord ta4j() {
        return Crossover.ta4j(series);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(CrossoverBench.class.getSimpleName()).build()).run();
    }
}
