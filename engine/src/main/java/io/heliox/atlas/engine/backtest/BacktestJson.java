package io.heliox.atlas.engine.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.accounting.TradeLog;
import io.heliox.atlas.engine.analytics.Metrics;
import io.heliox.atlas.engine.analytics.MonteCarlo;
import io.heliox.atlas.engine.analytics.WalkForward;
import io.heliox.atlas.engine.execution.FillReason;
import io.heliox.atlas.engine.execution.OrderType;
import io.heliox.atlas.engine.scenario.Bars;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A report as the files that store it: {@code trades.jsonl} (one fill per line) and
 * {@code metrics.json} (scorecard, signed content, counters, Monte Carlo, walk-forward), plus
 * {@link EquityNpy}. Doubles are written by Jackson's Schubfach writer: the shortest digits that
 * read back as the same double, identical on every JDK (unlike {@link Double#toString} before
 * JDK 19), so equal reports are equal bytes. Keys come in a fixed order.
 */
public final class BacktestJson {

    /** Shared, thread-safe: the one writer for backtest outputs (web answers use it too). */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private BacktestJson() {
    }

    public static byte[] tradesJsonl(BacktestRun run, Bars bars) {
        TradeLog log = run.trades();
        StringBuilder out = new StringBuilder(log.fillCount() * 160);
        for (int i = 0; i < log.fillCount(); i++) {
            ObjectNode fill = F.objectNode();
            fill.put("t", log.fillBar(i));
            fill.put("time_ms", bars.time()[log.fillBar(i)]);
            fill.put("side", log.fillIsBuy(i) ? "buy" : "sell");
            fill.put("qty", log.fillQty(i));
            fill.put("px", log.fillPx(i));
            fill.put("fee", log.fillFee(i));
            fill.put("slippage", log.fillSlippage(i));
            fill.put("order", OrderType.of(log.fillType(i)).jsonName());
            fill.put("reason", FillReason.name(log.fillReason(i)));
            out.append(write(fill)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] metricsJson(BacktestReport report) {
        ObjectNode root = F.objectNode();
        root.put("signature", report.signature());
        root.set("signed", ResultSignature.describe(report.irHash(), report.scenarioHash(), report.periodsPerYear(),
                report.spec()));
        root.put("bars", report.run().bars());
        root.put("periods_per_year", report.periodsPerYear());
        root.set("metrics", metrics(report.metrics()));
        BacktestRun run = report.run();
        ObjectNode counters = root.putObject("counters");
        counters.put("fills", run.trades().fillCount());
        counters.put("round_trips", run.trades().roundTripCount());
        counters.put("rejected_orders", run.rejectedOrders());
        counters.put("cancelled_entries", run.cancelledEntries());
        counters.put("unfilled_orders", run.unfilledOrders());
        counters.put("open_position", run.finalPosition());
        if (run.ruinBar() >= 0) {
            counters.put("ruin_bar", run.ruinBar());
        } else {
            counters.putNull("ruin_bar");
        }
        counters.put("final_equity", run.bars() == 0 ? run.initialCash() : run.equity()[run.bars() - 1]);
        if (report.monteCarlo() != null) {
            root.set("monte_carlo", monteCarlo(report.monteCarlo()));
        }
        if (report.walkForward() != null) {
            root.set("walk_forward", walkForward(report.walkForward()));
        }
        return write(root).getBytes(StandardCharsets.UTF_8);
    }

    public static ObjectNode metrics(Metrics m) {
        ObjectNode o = F.objectNode();
        o.put("sharpe", m.sharpe());
        o.put("sortino", m.sortino());
        o.put("max_drawdown", m.maxDrawdown());
        o.put("time_to_recovery", m.timeToRecovery());
        o.put("cagr", m.cagr());
        o.put("tail_p5", m.tailP5());
        o.put("tail_worst_1pct", m.tailWorst1Pct());
        o.put("trade_count", m.tradeCount());
        o.put("win_rate", m.winRate());
        o.put("profit_factor", m.profitFactor());
        o.put("exposure", m.exposure());
        o.put("periods_per_year", m.periodsPerYear());
        return o;
    }

    private static ObjectNode monteCarlo(MonteCarlo.Result mc) {
        ObjectNode o = F.objectNode();
        o.put("paths", mc.paths());
        o.put("block_length", mc.blockLength());
        o.put("seed", mc.seed());
        o.put("sharpe_p5", mc.sharpeP5());
        o.put("sharpe_p50", mc.sharpeP50());
        o.put("max_drawdown_p95", mc.maxDrawdownP95());
        o.put("max_drawdown_p50", mc.maxDrawdownP50());
        o.put("profit_factor_p5", mc.profitFactorP5());
        o.put("growth_p5", mc.growthP5());
        ObjectNode band = o.putObject("band");
        ArrayNode bars = band.putArray("bars");
        ArrayNode p5 = band.putArray("p5");
        ArrayNode p50 = band.putArray("p50");
        ArrayNode p95 = band.putArray("p95");
        for (int k = 0; k < mc.band().bars().length; k++) {
            bars.add(mc.band().bars()[k]);
            p5.add(mc.band().p5()[k]);
            p50.add(mc.band().p50()[k]);
            p95.add(mc.band().p95()[k]);
        }
        return o;
    }

    private static ObjectNode walkForward(WalkForward.Result wf) {
        ObjectNode o = F.objectNode();
        ArrayNode folds = o.putArray("folds");
        for (WalkForward.Fold fold : wf.folds()) {
            ObjectNode f = folds.addObject();
            f.put("index", fold.index());
            f.put("from_bar", fold.from());
            f.put("to_bar", fold.to());
            if (fold.metrics() == null) {
                f.putNull("metrics");
            } else {
                f.set("metrics", metrics(fold.metrics()));
            }
        }
        ObjectNode d = o.putObject("dispersion");
        d.set("sharpe", stats(wf.dispersion().sharpe()));
        d.set("max_drawdown", stats(wf.dispersion().maxDrawdown()));
        d.set("cagr", stats(wf.dispersion().cagr()));
        d.put("positive_sharpe_folds", wf.dispersion().positiveSharpeFolds());
        return o;
    }

    private static ObjectNode stats(WalkForward.Stats s) {
        ObjectNode o = F.objectNode();
        o.put("mean", s.mean());
        o.put("std", s.std());
        o.put("min", s.min());
        o.put("max", s.max());
        return o;
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
