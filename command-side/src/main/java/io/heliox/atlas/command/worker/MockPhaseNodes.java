package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.PhaseStep;
import io.heliox.atlas.api.artifact.Blueprint;
import io.heliox.atlas.api.artifact.Candidate;
import io.heliox.atlas.api.artifact.PackArtifact;
import io.heliox.atlas.api.artifact.PackageManifest;
import io.heliox.atlas.api.artifact.T0Artifact;
import io.heliox.atlas.api.artifact.T0Artifact.Cell;
import io.heliox.atlas.api.artifact.T0Artifact.Scenario;
import io.heliox.atlas.api.run.RunLinks;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.orch.T0Evaluation;
import io.heliox.atlas.engine.analytics.Metrics;
import io.heliox.atlas.kernel.CanonicalJson;
import io.heliox.atlas.llm.local.BlueprintDraft;
import io.heliox.atlas.llm.local.TradingIntent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mock nodes (a run's {@code mock} mode, for UI work and tests): no model and no backtest,
 * but every payload has the production shape (blueprint, StrategyDSL candidates, backtest results, pack manifest) and is
 * validated against the contract before it is recorded. Outputs depend only on the prompt and the
 * seed, through {@link SplittableRandom} (SplitMix64), so the same run gives the same payloads.
 *
 * <p>The architect reads the prompt with the local model's {@link TradingIntent} (symbols,
 * indicators, timeframe, risk words), so a UI or a test sees a blueprint that follows what was asked. The t0 mock draws one seeded daily equity
 * path per candidate and scores it with the engine's {@link Metrics} (Sharpe with ddof=1, Sortino
 * over all periods, drawdown from the initial equity).
 */
public final class MockPhaseNodes implements PhaseNode {

    static final String ENGINE_VERSION = "mock-0.1.0";
    static final String MOCK_SCENARIO = "trend_up_mid";
    private static final int PERIODS_PER_YEAR = 252;
    private static final int EQUITY_BARS = 260;
    private static final double INITIAL_EQUITY = 10_000.0;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RunLinks links;

    public MockPhaseNodes(RunLinks links) {
        this.links = links;
    }

    /** The mock protocol: one status, then the artifact (pack: the artifact alone). */
    @Override
    public Step next(RunState history, Instant now) {
        Phase phase = history.phase();
        PhaseEventType type = history.statuses().isEmpty() && phase != Phase.PACK ? PhaseEventType.STATUS
                : PhaseEventType.ARTIFACT;
        return new Step(type, perform(new PhaseStep(phase, type), history, now));
    }

    public JsonNode perform(PhaseStep step, RunState history, Instant now) {
        if (step.type() == PhaseEventType.STATUS) {
            return status(step.phase(), history);
        }
        return switch (step.phase()) {
            case ARCHITECT -> architectArtifact(history);
            case SYNTH -> synthArtifact(history);
            case T0 -> t0Artifact(history);
            case PACK -> packArtifact(history, now);
        };
    }

    private static JsonNode status(Phase phase, RunState history) {
        String msg = switch (phase) {
            case ARCHITECT -> "starting blueprint analysis";
            case SYNTH -> "synthesizing candidate strategies";
            case T0 -> "backtesting " + history.candidates().size()
                    + " candidates on scenario " + MOCK_SCENARIO;
            case PACK -> "packaging the best candidate";
        };
        ObjectNode payload = JSON.objectNode();
        payload.put("msg", msg);
        payload.put("progress", 0.0);
        return payload;
    }

    // ---- architect -------------------------------------------------------------------------

    private static JsonNode architectArtifact(RunState history) {
        ObjectNode payload = JSON.objectNode();
        payload.set("blueprint", BlueprintDraft.of(TradingIntent.read(history.prompt())));
        return payload;
    }

    // ---- synth -----------------------------------------------------------------------------

    private static JsonNode synthArtifact(RunState history) {
        Blueprint blueprint = history.blueprint();
        String timeframe = blueprint.timeframe();
        int riskBp = blueprint.constraints().riskBp();
        SplittableRandom random = new SplittableRandom(history.seed());

        int fast = 5 + random.nextInt(11);           // 5..15
        int slow = fast * 3 + random.nextInt(21);    // comfortably slower
        int rsiPeriod = 10 + random.nextInt(9);      // 10..18
        int emaWindow = 30 + random.nextInt(41);     // 30..70

        ArrayNode candidates = JSON.arrayNode();
        candidates.add(candidate("ma-cross-" + fast + "-" + slow, "MA crossover " + fast + "/" + slow, timeframe,
                List.of(rule("crossover(ma(close,$fast), ma(close,$slow))", "buy"),
                        rule("crossunder(ma(close,$fast), ma(close,$slow))", "close")),
                params("fast", fast, "slow", slow), riskBp, "trend"));
        candidates.add(candidate("rsi-revert-" + rsiPeriod, "RSI mean reversion " + rsiPeriod, timeframe,
                List.of(rule("rsi(close,$period) < $oversold", "buy"),
                        rule("rsi(close,$period) > $overbought", "close")),
                params("period", rsiPeriod, "oversold", 30, "overbought", 70), riskBp, "mean_revert"));
        candidates.add(candidate("ema-trend-" + emaWindow, "EMA trend filter " + emaWindow, timeframe,
                List.of(rule("close > ema(close,$window) and slope(ema(close,$window), 5) > 0", "buy"),
                        rule("close < ema(close,$window)", "close")),
                params("window", emaWindow), riskBp, "trend"));

        ObjectNode payload = JSON.objectNode();
        payload.set("candidates", candidates);
        return payload;
    }

    private static ObjectNode candidate(String id, String name, String timeframe, List<ObjectNode> rules,
                                        ObjectNode params, int riskBp, String tag) {
        ObjectNode dsl = JSON.objectNode();
        dsl.put("id", id);
        dsl.put("name", name);
        dsl.put("version", "0.1");
        dsl.put("timeframe", timeframe);
        ArrayNode ruleNode = dsl.putArray("rules");
        rules.forEach(ruleNode::add);
        dsl.set("params", params);
        ObjectNode sizing = dsl.putObject("sizing");
        sizing.put("mode", "fraction");
        sizing.put("value", 0.5);
        ObjectNode risk = dsl.putObject("risk");
        risk.put("stop_loss_bps", riskBp * 4);
        risk.put("take_profit_bps", riskBp * 8);
        risk.put("cooldown_bars", 3);
        ObjectNode metadata = dsl.putObject("metadata");
        metadata.putArray("tags").add(tag).add("mock");
        return dsl;
    }

    private static ObjectNode rule(String condition, String action) {
        ObjectNode rule = JSON.objectNode();
        rule.put("if", condition);
        rule.put("then", action);
        return rule;
    }

    private static ObjectNode params(Object... nameValues) {
        ObjectNode params = JSON.objectNode();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put((String) nameValues[i], ((Number) nameValues[i + 1]).intValue());
        }
        return params;
    }

    // ---- t0 --------------------------------------------------------------------------------

    private static JsonNode t0Artifact(RunState history) {
        List<Candidate> candidates = history.candidates();
        List<Cell> results = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            results.add(backtest(candidates.get(i).id(), new SplittableRandom(history.seed() * 31 + i + 1), i));
        }
        Blueprint blueprint = history.blueprint();
        Scenario scenario = new Scenario(MOCK_SCENARIO, "trend", null, EQUITY_BARS, null, null);
        return new T0Artifact(List.of(scenario), null, results, T0Evaluation.rank(blueprint, results),
                T0Evaluation.scoring(blueprint), null).toJson();
    }

    private static Cell backtest(String candidateId, SplittableRandom random, int index) {
        double[] price = new double[EQUITY_BARS];
        double[] equity = new double[EQUITY_BARS];
        price[0] = 100.0;
        equity[0] = INITIAL_EQUITY;
        double drift = 0.0002 + 0.0003 * index;
        ArrayNode trades = JSON.arrayNode();
        List<Double> tradePnl = new ArrayList<>();
        boolean inPosition = false;
        double qty = 0;
        double entry = 0;
        int barsInPosition = 0;
        for (int t = 1; t < EQUITY_BARS; t++) {
            price[t] = price[t - 1] * Math.exp(drift + 0.012 * gaussian(random));
            double pnl = inPosition ? qty * (price[t] - price[t - 1]) : 0.0;
            equity[t] = equity[t - 1] + pnl;
            if (inPosition) {
                barsInPosition++;
            }
            if (t % 20 == 5 && !inPosition) {
                qty = round(equity[t] * 0.5 / price[t], 4);
                entry = price[t];
                double fee = round(qty * price[t] * 0.0005, 4);
                equity[t] -= fee;
                trades.add(trade(t, "buy", qty, price[t], fee));
                inPosition = true;
            } else if (t % 20 == 17 && inPosition) {
                double fee = round(qty * price[t] * 0.0005, 4);
                equity[t] -= fee;
                trades.add(trade(t, "sell", qty, price[t], fee));
                tradePnl.add(qty * (price[t] - entry) - 2 * fee);
                inPosition = false;
            }
        }

        ArrayNode equityNode = JSON.arrayNode();
        for (int t = 0; t < EQUITY_BARS; t++) {
            ObjectNode point = equityNode.addObject();
            point.put("t", t);
            point.put("v", round(equity[t], 2));
        }
        return new Cell(candidateId, MOCK_SCENARIO, null, PERIODS_PER_YEAR, equityNode, trades,
                metrics(equity, tradePnl, barsInPosition), null, null, null);
    }

    private static ObjectNode trade(int t, String side, double qty, double px, double fee) {
        ObjectNode trade = JSON.objectNode();
        trade.put("t", t);
        trade.put("side", side);
        trade.put("qty", qty);
        trade.put("px", round(px, 4));
        trade.put("fee", fee);
        trade.put("slippage", 0.0);
        return trade;
    }

    /**
     * The engine's own scorecard ({@link Metrics}, the definitions real t0 results use), rounded
     * to 4 decimals as the mock has always reported it.
     */
    private static ObjectNode metrics(double[] equity, List<Double> tradePnl, int barsInPosition) {
        int n = equity.length - 1;
        double[] pnl = tradePnl.stream().mapToDouble(Double::doubleValue).toArray();
        Metrics m = Metrics.of(equity, pnl, (double) barsInPosition / n, PERIODS_PER_YEAR);
        ObjectNode metrics = JSON.objectNode();
        metrics.put("sharpe", round(m.sharpe(), 4));
        if (m.sortino() == null) {
            metrics.putNull("sortino"); // no losing bar and a positive mean: unbounded
        } else {
            metrics.put("sortino", round(m.sortino(), 4));
        }
        metrics.put("max_drawdown", round(m.maxDrawdown(), 4));
        metrics.put("win_rate", round(m.winRate(), 4));
        if (m.profitFactor() == null) {
            metrics.putNull("profit_factor"); // undefined without a losing trade
        } else {
            metrics.put("profit_factor", round(m.profitFactor(), 4));
        }
        metrics.put("cagr", round(m.cagr(), 4));
        metrics.put("trade_count", m.tradeCount());
        metrics.put("exposure", round(m.exposure(), 4));
        return metrics;
    }

    // ---- pack ------------------------------------------------------------------------------

    private JsonNode packArtifact(RunState history, Instant now) {
        T0Artifact t0 = history.t0().orElseThrow(() -> new IllegalStateException("pack runs after t0"));
        String bestId = t0.best();
        Candidate strategy = Candidate.find(history.candidates(), bestId).orElseThrow();
        byte[] strategyBytes = CanonicalJson.bytes(strategy.dsl());
        byte[] metricsBytes = CanonicalJson.bytes(t0.resultsOf(bestId).get(0).metrics());
        String irHash = CanonicalJson.sha256(strategyBytes);

        PackageManifest manifest = PackageManifest.unwritten("pkg-" + irHash.substring(0, 16), strategy.id(), irHash,
                ENGINE_VERSION, now.toString(), history.seed(), null, null, null, null, List.of(MOCK_SCENARIO))
                .withFiles(List.of(file("strategy.json", strategyBytes), file("metrics.json", metricsBytes)));
        return new PackArtifact(manifest, links.runPackage(history.runId(), null), null).toJson();
    }

    private static PackageManifest.FileEntry file(String path, byte[] bytes) {
        return new PackageManifest.FileEntry(path, CanonicalJson.sha256(bytes), bytes.length);
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller from two uniforms: reproducible on every JVM (no nextGaussian caching).
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
