package io.heliox.atlas.web.http.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.backtest.BacktestResult;
import io.heliox.atlas.command.application.backtest.EngineBacktests;
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
import io.heliox.atlas.web.support.Strategies;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streamed answer is byte for byte the answer built as a JSON tree from the same stored files
 * (how it was built before streaming, kept here as the reference), on real engine results: many
 * trades with Monte Carlo and walk-forward members, costs and delay on a short market, and no
 * trades at all.
 */
class EngineResponsesTest {

    private static final String NEVER_TRADES = """
            {"id":"never","name":"Never trades","version":"0.1","timeframe":"1h","params":{},
             "rules":[{"if":"close < 0","then":"buy"}],"sizing":{"mode":"fraction","value":1},
             "risk":{"stop_loss_bps":200}}""";

    @Test
    void theStreamedAnswerIsTheTreeBuiltAnswer() throws Exception {
        BacktestSpec withMcAndWf = new BacktestSpec(ExecutionConfig.of(100_000).withCosts(2, 1).withBarDelay(1),
                new BacktestSpec.MonteCarloSpec(200, 40, 7), 5);
        BacktestSpec plain = new BacktestSpec(ExecutionConfig.of(10_000).withCosts(5, 3).withBarDelay(2), null, 0);
        assertSame(EngineBacktests.Tier.FULL, stored(Strategies.MA_CROSS, 50_000, withMcAndWf), 100);
        assertSame(EngineBacktests.Tier.QUICK, stored(Strategies.MA_CROSS, 1_000, plain), 2);
        assertSame(EngineBacktests.Tier.QUICK, stored(NEVER_TRADES, 500, plain), 0);
    }

    private static void assertSame(EngineBacktests.Tier tier, BacktestResult stored, int minTrades) throws Exception {
        byte[] streamed = EngineResponses.build(tier, stored);
        assertThat(new String(streamed, StandardCharsets.UTF_8)).isEqualTo(new String(treeBuilt(tier, stored), StandardCharsets.UTF_8));
        JsonNode answer = BacktestJson.MAPPER.readTree(streamed);
        assertThat(answer.get("trades").size()).isGreaterThanOrEqualTo(minTrades);
        assertThat(answer.get("equity").size()).isEqualTo(answer.get("bars").asInt());
    }

    private static BacktestResult stored(String strategy, int bars, BacktestSpec spec) throws Exception {
        Validation v = new StrategyValidator().validate(BacktestJson.MAPPER.readTree(strategy));
        assertThat(v.valid()).as("%s", v.errors()).isTrue();
        ScenarioSpec market = ScenarioSpec.parse(BacktestJson.MAPPER.readTree("""
                {"id":"responses","version":"0.1","timeframe":"1h","duration_bars":%d,"seed":11,"family":"vol_cluster",
                 "params":{"omega":10,"alpha":0.05,"beta":0.9,"mu":0},"volume_model":"lognormal"}""".formatted(bars)));
        Bars generated = ScenarioGenerator.generate(market);
        BacktestReport report = Backtest.run(v.ir(), v.irHash(), generated, market.scenarioHash(),
                market.timeframe().periodsPerYear(), spec);
        return new BacktestResult(report.signature(), EquityNpy.write(report.run().equity()),
                BacktestJson.tradesJsonl(report.run(), generated), BacktestJson.metricsJson(report), true);
    }

    /** The reference: the answer as a tree (report members, equity numbers, each trade line parsed). */
    private static byte[] treeBuilt(EngineBacktests.Tier tier, BacktestResult result) throws Exception {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("cache_key", result.signature());
        out.put("used_cache", true);
        out.put("tier", tier.id());
        ObjectNode report = (ObjectNode) BacktestJson.MAPPER.readTree(result.metricsJson());
        report.remove("signature");
        out.setAll(report);
        ArrayNode equity = out.putArray("equity");
        for (double value : EquityNpy.read(result.equityNpy())) {
            equity.add(value);
        }
        ArrayNode trades = out.putArray("trades");
        for (String line : new String(result.tradesJsonl(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                trades.add(BacktestJson.MAPPER.readTree(line));
            }
        }
        return BacktestJson.MAPPER.writeValueAsBytes(out);
    }
}
