package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.backtest.EngineBacktests;
import io.heliox.atlas.engine.backtest.BacktestSpec;
import io.heliox.atlas.engine.backtest.ExecutionConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The T0 gate of issue 8, engine-backed: every candidate on the blueprint's scenario set (always
 * trend up, trend down, mean reversion and high volatility; shocks and regime switches when the
 * blueprint asks for them), {@value #BARS} bars each at the blueprint's timeframe, with fees,
 * slippage, one bar of delay and a quick Monte Carlo; then a ranking by a robust score.
 *
 * <p><b>Robust score</b> = the candidate's worst Sharpe over the scenarios − {@value #MDD_PENALTY} ×
 * how far its worst max drawdown goes past the blueprint's limit ({@code max_drawdown_pct}, 20 %
 * when absent). A strategy is judged by the market that hurts it most, not by its average; ties go
 * to the lower worst drawdown, then to the id, so the ranking is a total order.
 *
 * <p>Deterministic: the scenarios' seeds come from the run's seed, every backtest is signed and
 * cached by the engine, and the Monte Carlo seed is fixed per run. Not yet wired into runs (their
 * t0 is still Milestone 1's mock): the run phase, the pack and the UI come with it.
 */
public final class T0Evaluation {

    static final int BARS = 1_000;
    static final double MDD_PENALTY = 5.0;
    static final double FEE_BPS = 2;
    static final double SLIPPAGE_BPS = 1;
    static final int MC_PATHS = 200;
    static final int MC_BLOCK = 20;
    private static final long SEED_BOUND = 1L << 53;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One market every candidate meets. */
    public record Scenario(String id, String family, ObjectNode spec) {
    }

    /** One candidate on one scenario. */
    public record Cell(String candidateId, String scenarioId, String signature, double sharpe, double maxDrawdown,
                       double cagr, int tradeCount, double mcSharpeP5, double mcMaxDrawdownP95, boolean fromCache) {
    }

    /** A candidate's place: its robust score and what it was made of. */
    public record Ranked(int rank, String candidateId, double score, double worstSharpe, double worstMaxDrawdown) {
    }

    public record Result(List<Scenario> scenarios, List<Cell> cells, List<Ranked> ranking) {
    }

    private final EngineBacktests engine;

    public T0Evaluation(EngineBacktests engine) {
        this.engine = engine;
    }

    /** The scenario set for a blueprint and a run seed. */
    public static List<Scenario> scenarios(JsonNode blueprint, long seed) {
        String timeframe = blueprint.path("timeframe").asText("1h");
        Set<String> asked = new LinkedHashSet<>();
        blueprint.path("scenarios").forEach(s -> asked.add(s.asText()));
        List<Scenario> out = new ArrayList<>();
        out.add(scenario("trend-up", "trend", "{\"drift\":3,\"sigma\":60}", timeframe, seed, 1));
        out.add(scenario("trend-down", "trend", "{\"drift\":-3,\"sigma\":60}", timeframe, seed, 2));
        out.add(scenario("mean-revert", "mean_revert", "{\"kappa\":0.05,\"theta\":100,\"sigma\":40}", timeframe, seed, 3));
        out.add(scenario("vol-high", "vol_cluster", "{\"omega\":100,\"alpha\":0.12,\"beta\":0.86,\"mu\":0.5}", timeframe, seed, 4));
        if (asked.contains("shock_mix")) {
            out.add(scenario("shocks", "shock_mix", "{\"p_jump\":0.01,\"jump_mu\":-50,\"jump_sigma\":200,\"sigma\":20}",
                    timeframe, seed, 5));
        }
        if (asked.contains("regime_switch")) {
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
            return new Scenario(id, family, spec);
        } catch (IOException e) {
            throw new UncheckedIOException("a built-in scenario's parameters are JSON", e);
        }
    }

    public Result evaluate(JsonNode blueprint, JsonNode candidates, long seed) {
        List<Scenario> scenarios = scenarios(blueprint, seed);
        BacktestSpec spec = new BacktestSpec(ExecutionConfig.of(10_000).withCosts(FEE_BPS, SLIPPAGE_BPS)
                .withBarDelay(1), new BacktestSpec.MonteCarloSpec(MC_PATHS, MC_BLOCK, Math.floorMod(seed, SEED_BOUND)), 0);
        List<Cell> cells = new ArrayList<>();
        for (JsonNode candidate : candidates) {
            for (Scenario scenario : scenarios) {
                EngineBacktests.Outcome outcome = engine.run(EngineBacktests.Tier.T0, candidate,
                        new EngineBacktests.Inline(scenario.spec()), spec);
                cells.add(cell(candidate.path("id").asText(), scenario.id(), outcome));
            }
        }
        double limit = blueprint.path("constraints").path("max_drawdown_pct").asDouble(20) / 100.0;
        List<Ranked> unranked = new ArrayList<>();
        for (JsonNode candidate : candidates) {
            String id = candidate.path("id").asText();
            double worstSharpe = cells.stream().filter(c -> c.candidateId().equals(id)).mapToDouble(Cell::sharpe).min().orElse(0);
            double worstMdd = cells.stream().filter(c -> c.candidateId().equals(id)).mapToDouble(Cell::maxDrawdown).max().orElse(0);
            double score = worstSharpe - MDD_PENALTY * Math.max(0, worstMdd - limit);
            unranked.add(new Ranked(0, id, score, worstSharpe, worstMdd));
        }
        unranked.sort(Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparingDouble(Ranked::worstMaxDrawdown).thenComparing(Ranked::candidateId));
        List<Ranked> ranking = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Ranked r = unranked.get(i);
            ranking.add(new Ranked(i + 1, r.candidateId(), r.score(), r.worstSharpe(), r.worstMaxDrawdown()));
        }
        return new Result(scenarios, List.copyOf(cells), List.copyOf(ranking));
    }

    private static Cell cell(String candidateId, String scenarioId, EngineBacktests.Outcome outcome) {
        try {
            JsonNode m = JSON.readTree(outcome.result().metricsJson());
            JsonNode metrics = m.path("metrics");
            JsonNode mc = m.path("monte_carlo");
            return new Cell(candidateId, scenarioId, outcome.result().signature(), metrics.path("sharpe").asDouble(),
                    metrics.path("max_drawdown").asDouble(), metrics.path("cagr").asDouble(),
                    metrics.path("trade_count").asInt(), mc.path("sharpe_p5").asDouble(),
                    mc.path("max_drawdown_p95").asDouble(), outcome.result().fromCache());
        } catch (IOException e) {
            throw new UncheckedIOException("the engine's metrics.json is JSON", e);
        }
    }
}
