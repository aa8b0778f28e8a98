package io.heliox.atlas.command.application.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.command.application.backtest.BacktestRejected.Part;
import io.heliox.atlas.command.application.backtest.BacktestRejected.Remedy;
import io.heliox.atlas.command.application.backtest.BacktestResults;
import io.heliox.atlas.command.application.backtest.WriteBehind;
import io.heliox.atlas.command.application.scenario.ScenarioDatasets;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.engine.backtest.Backtest;
import io.heliox.atlas.engine.backtest.BacktestReport;
import io.heliox.atlas.engine.backtest.BacktestSpec;
import io.heliox.atlas.engine.backtest.ResultSignature;
import io.heliox.atlas.engine.dsl.CheckOptions;
import io.heliox.atlas.engine.dsl.SchemaGate;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import io.heliox.atlas.engine.scenario.ScenarioSpecException;
import io.heliox.atlas.engine.scenario.Timeframe;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The engine as a service in two tiers: the quick tier (wire name t0) on up to 1,000 bars, and
 * the full tier (wire name t1), the full backtest on 10,000–50,000 bars. A request is signed before anything heavy happens (the IR hash,
 * the market's content hash and the terms are known up front), so a repeated request is answered
 * from the stored result without generating a bar. Computations are limited to one per core at a
 * time; the rest wait (up to {@code queueTimeoutMs}) instead of thrashing the machine.
 */
public class EngineBacktests {

    public enum Tier {
        QUICK("t0", ScenarioSpec.MIN_BARS, 1_000),
        FULL("t1", 10_000, 50_000);

        private final String id;
        private final int minBars;
        private final int maxBars;

        Tier(String id, int minBars, int maxBars) {
            this.id = id;
            this.minBars = minBars;
            this.maxBars = maxBars;
        }

        public String id() {
            return id;
        }

        public int minBars() {
            return minBars;
        }

        public int maxBars() {
            return maxBars;
        }
    }

    /** Where the bars come from: an inline ScenarioDSL document, or a stored dataset. */
    public sealed interface Market permits Inline, Reference {
    }

    public record Inline(JsonNode document) implements Market {
    }

    /**
     * @param hash  null for the newest dataset of {@code id}
     * @param scope whose datasets the reference may name
     */
    public record Reference(String id, String hash, Scope scope) implements Market {
    }

    /** A server-side limit, not the client's fault (answered 503). */
    public static class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }

    private final ScenarioDatasets datasets;
    private final BacktestResults results;
    private final SchemaGate strategySchema;
    private final Semaphore slots;
    private final long queueTimeoutMs;
    private final WriteBehind writer;

    public EngineBacktests(ScenarioDatasets datasets, BacktestResults results, SchemaGate strategySchema,
                           int concurrentRuns, long queueTimeoutMs, WriteBehind writer) {
        this.datasets = datasets;
        this.writer = writer;
        this.results = results;
        this.strategySchema = strategySchema;
        this.slots = new Semaphore(Math.max(1, concurrentRuns), true);
        this.queueTimeoutMs = queueTimeoutMs;
    }

    /** What the market is, known without its bars. */
    private record Resolved(String scenarioHash, Timeframe timeframe, int bars, ScenarioSpec spec,
                            ScenarioDatasets.Indexed indexed) {
    }

    /** A result and where the time went (stage → ms, in order), for the Server-Timing header and logs. */
    /** @param simulatedBars the bars simulated to answer: 0 when the result came from the cache */
    public record Outcome(BacktestResult result, java.util.LinkedHashMap<String, Double> timings, long simulatedBars) {
    }

    public Outcome run(Tier tier, JsonNode strategy, Market market, BacktestSpec spec) {
        Stopwatch watch = new Stopwatch();
        Resolved resolved = resolve(market);
        watch.lap("resolve");
        if (resolved.bars < tier.minBars || resolved.bars > tier.maxBars) {
            String message = tier.id + " runs markets of " + tier.minBars + " to " + tier.maxBars
                    + " bars; this one has " + resolved.bars;
            Remedy remedy = tier == Tier.QUICK ? Remedy.USE_THE_FULL_TIER : null;
            throw market instanceof Inline ? BacktestRejected.at(Part.SCENARIO, "/duration_bars", message, remedy)
                    : BacktestRejected.at(Part.SCENARIO_REF, "", message, remedy);
        }
        Validation validation = new StrategyValidator(strategySchema, new CheckOptions(resolved.bars, 1_000_000))
                .validate(strategy);
        if (!validation.valid()) {
            List<BacktestRejected.Finding> findings = validation.errors().stream()
                    .map(e -> new BacktestRejected.Finding(Part.STRATEGY, e.loc().path(), e.message(),
                            e.code().name() + "/" + e.subCode().name()))
                    .toList();
            throw new BacktestRejected("the strategy is not valid: " + validation.errors().size() + " DSL error(s)",
                    findings, validation.errors());
        }
        String strategyTimeframe = validation.ir().timeframe();
        if (!strategyTimeframe.equals(resolved.timeframe.dslName())) {
            throw BacktestRejected.at(Part.STRATEGY, "/timeframe", "the strategy is written for " + strategyTimeframe
                    + " bars but the market has " + resolved.timeframe.dslName() + " bars");
        }
        double periodsPerYear = resolved.timeframe.periodsPerYear();
        String signature = ResultSignature.of(validation.irHash(), resolved.scenarioHash, periodsPerYear, spec);
        watch.lap("validate");
        Optional<BacktestResult> cached = results.find(signature);
        watch.lap("lookup");
        if (cached.isPresent()) {
            return new Outcome(cached.get(), watch.laps, 0);
        }
        acquire();
        try {
            watch.lap("queue");
            Bars bars = bars(resolved, watch);
            BacktestReport report = Backtest.run(validation.ir(), validation.irHash(), bars, resolved.scenarioHash,
                    periodsPerYear, spec);
            watch.lap("backtest");
            BacktestResult stored = results.save(tier.id, null, report, bars);
            watch.lap("encode");
            return new Outcome(stored, watch.laps, bars.size());
        } finally {
            slots.release();
        }
    }

    private static final class Stopwatch {
        private final java.util.LinkedHashMap<String, Double> laps = new java.util.LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.merge(stage, (now - last) / 1e6, Double::sum);
            last = now;
        }
    }

    private Resolved resolve(Market market) {
        if (market instanceof Inline inline) {
            ScenarioSpec spec;
            try {
                spec = ScenarioSpec.parse(inline.document());
            } catch (ScenarioSpecException e) {
                throw new BacktestRejected("the scenario is not valid", e.problems().stream()
                        .map(p -> new BacktestRejected.Finding(Part.SCENARIO, p.pointer(), p.message(), "engine")).toList(),
                        List.of());
            }
            return new Resolved(spec.scenarioHash(), spec.timeframe(), spec.durationBars(), spec, null);
        }
        Reference ref = (Reference) market;
        ScenarioDatasets.Indexed indexed = datasets.indexed(ref.id(), ref.hash(), ref.scope()).orElseThrow(() ->
                BacktestRejected.at(Part.SCENARIO_REF, ref.hash() == null ? "/id" : "/hash",
                        "no stored scenario " + ref.id() + (ref.hash() == null ? "" : " with hash " + ref.hash()),
                        Remedy.STORE_THE_SCENARIO_FIRST));
        Timeframe timeframe = Timeframe.of(indexed.timeframe());
        return new Resolved(indexed.scenarioHash(), timeframe, indexed.bars(), null, indexed);
    }

    private Bars bars(Resolved resolved, Stopwatch watch) {
        if (resolved.spec != null) {
            Bars bars;
            try {
                bars = ScenarioGenerator.generate(resolved.spec);
            } catch (ScenarioSpecException e) { // found while generating, e.g. a price driven out of range
                throw new BacktestRejected("the scenario cannot be generated", e.problems().stream()
                        .map(p -> new BacktestRejected.Finding(Part.SCENARIO, p.pointer(), p.message(), "engine")).toList(),
                        List.of());
            }
            watch.lap("generate");
            // the market is reproducible from its document; store it (once per hash) behind the answer
            writer.submit("market " + resolved.scenarioHash, () -> datasets.ensureStored(resolved.spec, bars));
            return bars;
        }
        return datasets.bars(resolved.indexed).orElseThrow(() -> new Busy(
                "the dataset " + resolved.indexed.id() + " is indexed but missing from object storage"));
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(queueTimeoutMs, TimeUnit.MILLISECONDS)) {
                throw new Busy("every backtest slot stayed busy for " + queueTimeoutMs + " ms; retry later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting for a backtest slot");
        }
    }
}
