package io.heliox.atlas.engine.scenario.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Generation of a whole scenario (path, candles, volume) per family, from a parsed spec.
 * bars/s = bars / (ms/op / 1000). Run (JMH options may follow, e.g. -wi 1 -i 3):
 * {@code java -cp <engine test classpath> io.heliox.atlas.engine.scenario.bench.ScenarioBench}
 * (see SCENARIOS.md, "Benchmark").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScenarioBench {

    /** Fixture names under contracts/fixtures/valid/scenario-dsl. */
    @Param({"trend-up-mid", "mean-revert", "vol-cluster-high", "shocky", "regime-switch"})
    public String fixture;

    @Param({"50000", "1000000"})
    public int bars;

    private ScenarioSpec spec;

    @Setup
    public void setUp() throws Exception {
        try (InputStream in = ScenarioBench.class.getClassLoader()
                .getResourceAsStream("contracts/fixtures/valid/scenario-dsl/" + fixture + ".json")) {
            ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(in);
            doc.put("duration_bars", bars);
            driftless((ObjectNode) doc.get("params"));
            spec = ScenarioSpec.parse(doc);
        }
        if (ScenarioGenerator.generate(spec).clippedMoves() != 0) {
            throw new IllegalStateException("the bench scenario must be healthy");
        }
    }

    /**
     * Zeroes the mean log move: over a million bars a fixture's drift (or GBM's −σ²/2) leaves
     * the price range, which the engine rejects. Speed does not depend on the drift's value.
     */
    private static void driftless(ObjectNode params) {
        for (String field : new String[]{"mu", "jump_mu"}) {
            if (params.has(field)) {
                params.put(field, 0);
            }
        }
        for (ObjectNode gbm : new ObjectNode[]{params, (ObjectNode) params.get("bull"),
                (ObjectNode) params.get("bear"), (ObjectNode) params.get("sideways")}) {
            if (gbm != null && gbm.has("drift")) {
                double sigma = gbm.get("sigma").asDouble();
                gbm.put("drift", sigma * sigma / 2e4); // bps: cancels −σ²/2 in the log drift
            }
        }
    }

    @Benchmark
    public Bars generate() {
        return ScenarioGenerator.generate(spec);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(ScenarioBench.class.getSimpleName()).build()).run();
    }
}
