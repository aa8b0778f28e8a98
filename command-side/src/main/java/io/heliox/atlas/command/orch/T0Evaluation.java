package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.artifact.Blueprint;
import io.heliox.atlas.api.artifact.Candidate;
import io.heliox.atlas.api.artifact.T0Artifact.Cell;
import io.heliox.atlas.api.artifact.T0Artifact.Ranked;
import io.heliox.atlas.api.artifact.T0Artifact.Scenario;
import io.heliox.atlas.api.artifact.T0Artifact.Scoring;
import io.heliox.atlas.api.artifact.T0Artifact.Terms;
import io.heliox.atlas.command.application.backtest.EngineBacktests;
import io.heliox.atlas.engine.analytics.RobustRanking;
import io.heliox.atlas.engine.backtest.BacktestSpec;
import io.heliox.atlas.engine.execution.ExecutionConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The t0 gate, engine-backed: every candidate on the blueprint's scenario set (always
 * trend up, trend down, mean reversion and high volatility; shocks and regime switches when the
 * blueprint asks for them), {@value #BARS} bars each at the blueprint's timeframe, with fees,
 * slippage, one bar of delay and a quick Monte Carlo; then a ranking by a robust score.
 *
 * <p><b>Robust score</b> = the candidate's worst Sharpe over the scenarios − {@value #MDD_PENALTY} ×
 * how far its worst max drawdown goes past the blueprint's limit ({@code max_drawdown_pct}, 20 %
 * when absent); ties go to the lower worst drawdown, then to the id. The computation is the
 * engine's {@link RobustRanking}; this class chooses the scenarios, runs the backtests and states
 * the terms in the artifact.
 *
 * <p>Deterministic: the scenarios' seeds come from the run's seed, every backtest is signed and
 * cached by the engine, and the Monte Carlo seed is fixed per run. A run's t0 phase calls
 * {@link #evaluate(Candidate, List, long, DetailUrls)} once per candidate (a checkpoint each) and
 * {@link #rank} at the end.
 */
public final class T0Evaluation {

    static final int BARS = 1_000;
    static final double MDD_PENALTY = 5.0;
    static final double DEFAULT_DRAWDOWN_LIMIT = 0.20;
    static final double FEE_BPS = 2;
    static final double SLIPPAGE_BPS = 1;
    static final int MC_PATHS = 200;
    static final int MC_BLOCK = 20;
    static final double INITIAL_CASH = 10_000;
    static final int BAR_DELAY = 1;
    private static final List<String> MC_SUMMARY = List.of("paths", "block_length", "sharpe_p5", "sharpe_p50",
            "max_drawdown_p95", "profit_factor_p5", "growth_p5");
    private static final long SEED_BOUND = 1L << 53;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public record Result(List<Scenario> scenarios, List<Cell> cells, List<Ranked> ranking) {
    }

    /** Where a run's cell is served in full (curve, fills, band): {@code GET} of this path. */
    public interface DetailUrls {
        String of(String candidateId, String scenarioId);
    }

    private final EngineBacktests engine;

    public T0Evaluation(EngineBacktests engine) {
        this.engine = engine;
    }

    /** The scenario set for a blueprint and a run seed. */
    public static List<Scenario> scenarios(Blueprint blueprint, long seed) {
        String timeframe = blueprint.timeframe();
        List<Scenario> out = new ArrayList<>();
        out.add(scenario("trend-up", "trend", "{\"drift\":3,\"sigma\":60}", timeframe, seed, 1));
        out.add(scenario("trend-down", "trend", "{\"drift\":-3,\"sigma\":60}", timeframe, seed, 2));
        out.add(scenario("mean-revert", "mean_revert", "{\"kappa\":0.05,\"theta\":100,\"sigma\":40}", timeframe, seed, 3));
        out.add(scenario("vol-high", "vol_cluster", "{\"omega\":100,\"alpha\":0.12,\"beta\":0.86,\"mu\":0.5}", timeframe, seed, 4));
        if (blueprint.asksFor("shock_mix")) {
            out.add(scenario("shocks", "shock_mix", "{\"p_jump\":0.01,\"jump_mu\":-50,\"jump_sigma\":200,\"sigma\":20}",
                    timeframe, seed, 5));
        }
        if (blueprint.asksFor("regime_switch")) {
            out.add(scenario("regimes", "regime_switch", """
                    {"bull":{"drift":5,"sigma":60},"bear":{"drift":-8,"sigma":120},"sideways":{"drift":0,"sigma":30},
                     "transition":[[0.98,0.01,0.01],[0.02,0.95,0.03],[0.02,0.02,0.96]],"initial_regime":"sideways"}""",
                    timeframe, seed, 6));
        }
        return out;
    }

    private static Scenario scenario(String id, String family, String params, String timeframe, long seed, int index) {
        try {
            ObjectNode spec = NODES.objectNode();
            spec.put("id", id);
            spec.put("version", "0.1");
            spec.put("timeframe", timeframe);
            spec.put("duration_bars", BARS);
            spec.put("seed", Math.floorMod(seed * 31 + index, SEED_BOUND));
            spec.put("family", family);
            spec.set("params", JSON.readTree(params));
            spec.put("volume_model", "lognormal");
            return Scenario.ofSpec(id, family, spec);
        } catch (IOException e) {
            throw new UncheckedIOException("a built-in scenario's parameters are JSON", e);
        }
    }

    /** The execution terms of every T0 backtest of a run. */
    public static BacktestSpec spec(long seed) {
        return new BacktestSpec(ExecutionConfig.of(INITIAL_CASH).withCosts(FEE_BPS, SLIPPAGE_BPS).withBarDelay(BAR_DELAY),
                new BacktestSpec.MonteCarloSpec(MC_PATHS, MC_BLOCK, mcSeed(seed)), 0);
    }

    /** The same terms as the t0 artifact states them. */
    public static Terms terms(long seed) {
        return new Terms(FEE_BPS, SLIPPAGE_BPS, BAR_DELAY, INITIAL_CASH,
                new Terms.MonteCarlo(MC_PATHS, MC_BLOCK, mcSeed(seed)));
    }

    /** How the ranking is computed, for the artifact (and so the UI can say it). */
    public static Scoring scoring(Blueprint blueprint) {
        return new Scoring("score = worst Sharpe over the scenarios - " + MDD_PENALTY
                + " x max(0, worst max drawdown - max drawdown limit); ties: lower worst drawdown, then id",
                MDD_PENALTY, drawdownLimit(blueprint));
    }

    private static long mcSeed(long seed) {
        return Math.floorMod(seed, SEED_BOUND);
    }

    private static double drawdownLimit(Blueprint blueprint) {
        return blueprint.maxDrawdownLimit(DEFAULT_DRAWDOWN_LIMIT);
    }

    /** Every candidate on every scenario, then the ranking (what a run's t0 phase does in steps). */
    public Result evaluate(Blueprint blueprint, List<Candidate> candidates, long seed, DetailUrls urls) {
        List<Scenario> scenarios = scenarios(blueprint, seed);
        List<Cell> cells = new ArrayList<>();
        for (Candidate candidate : candidates) {
            cells.addAll(evaluate(candidate, scenarios, seed, urls));
        }
        return new Result(scenarios, List.copyOf(cells), rank(blueprint, cells));
    }

    /** One candidate on every scenario: a run's t0 checkpoint. */
    public List<Cell> evaluate(Candidate candidate, List<Scenario> scenarios, long seed, DetailUrls urls) {
        BacktestSpec spec = spec(seed);
        String candidateId = candidate.id();
        List<Cell> cells = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            EngineBacktests.Outcome outcome = engine.run(EngineBacktests.Tier.QUICK, candidate.dsl(),
                    new EngineBacktests.Inline(scenario.spec()), spec);
            cells.add(cell(candidateId, scenario.id(), outcome, urls.of(candidateId, scenario.id())));
        }
        return cells;
    }

    /**
     * The robust-score ranking of the candidates in {@code cells} (engine's {@link RobustRanking},
     * with this gate's penalty and the blueprint's drawdown limit). Shared by the mock t0, whose
     * single scenario makes it a Sharpe ranking with the same drawdown penalty.
     */
    public static List<Ranked> rank(Blueprint blueprint, List<Cell> cells) {
        List<RobustRanking.Observation> observations = new ArrayList<>();
        for (Cell c : cells) {
            observations.add(new RobustRanking.Observation(c.candidateId(), c.scenarioId(), c.sharpe(), c.maxDrawdown()));
        }
        List<Ranked> ranking = new ArrayList<>();
        for (RobustRanking.Ranked r : RobustRanking.rank(observations, MDD_PENALTY, drawdownLimit(blueprint))) {
            ranking.add(new Ranked(r.rank(), r.candidateId(), r.score(), r.worstSharpe(), r.worstMaxDrawdown(),
                    r.worstScenario()));
        }
        return List.copyOf(ranking);
    }

    private static Cell cell(String candidateId, String scenarioId, EngineBacktests.Outcome outcome, String detailUrl) {
        try {
            JsonNode engineJson = JSON.readTree(outcome.result().metricsJson());
            JsonNode mc = engineJson.path("monte_carlo");
            ObjectNode summary = NODES.objectNode();
            for (String field : MC_SUMMARY) {
                summary.set(field, mc.path(field).deepCopy());
            }
            return new Cell(candidateId, scenarioId, outcome.result().signature(),
                    engineJson.path("periods_per_year").asDouble(), null, null,
                    (ObjectNode) engineJson.path("metrics").deepCopy(), summary, detailUrl,
                    outcome.result().fromCache());
        } catch (IOException e) {
            throw new UncheckedIOException("the engine's metrics.json is JSON", e);
        }
    }
}
