package io.heliox.atlas.engine.backtest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.accounting.TradeLog;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.execution.Simulator;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One SMA(10)/SMA(30) crossover, long only, all in at the close, no costs, written three ways:
 * the DSL path (validator → IR → {@link Simulator}), a plain {@code double[]} loop, and ta4j 0.17
 * with {@link DoubleNum}. Shared by {@link CrossoverBench} and its agreement test, so the bench
 * and the test check the very same work.
 *
 * <p>Alignment with ta4j (why the three agree):
 * <ul>
 *   <li>ta4j's SMA is partial during warm-up (bars 0..28 average fewer bars) where the DSL's is
 *       NaN; an unstable period of 30 bars makes ta4j ignore bars &lt; 30, and the first DSL
 *       crossing can only be at bar 30 (it reads ma(close,30) at bars 29 and 30).</li>
 *   <li>ta4j's default execution is at the next bar's open; {@link TradeOnCurrentCloseModel}
 *       fills at the signal bar's close, as the engine's market orders with no delay do.</li>
 *   <li>ta4j 0.17's SMA is a running total ({@code sum + x[t] − x[t−n]}, then {@code / n}), the same
 *       operations in the same order as {@code Sma.of}, so the averages are bit-identical.</li>
 *   <li>Remaining difference, on exact ties only: after bars where fast == slow exactly, ta4j's
 *       {@code CrossIndicator} looks back past the tie and fires only if fast was below before it;
 *       the DSL fires on leaving a touch upward whatever came before (DSL.md). Two SMAs of a GBM
 *       path are practically never bit-equal, and the agreement check would report it if they were.</li>
 *   <li>ta4j trades a fixed amount (1 unit), so only its entry/exit bars are compared, not equity.</li>
 * </ul>
 */
final class Crossover {

    static final int FAST = 10;
    static final int SLOW = 30;
    static final double INITIAL_CASH = 10_000;
    static final ExecutionConfig CONFIG = ExecutionConfig.of(INITIAL_CASH);

    static final String STRATEGY = """
            {"id":"bench-sma-crossover","name":"SMA 10/30 crossover","version":"0.1","timeframe":"1h",
             "rules":[
               {"if":"crossover(ma(close,$fast), ma(close,$slow))","then":"buy"},
               {"if":"crossunder(ma(close,$fast), ma(close,$slow))","then":"close"}],
             "params":{"fast":10,"slow":30},
             "sizing":{"mode":"fraction","value":1}}""";

    /**
     * A driftless GBM (trend family): drift = σ²/2 in bps cancels the log drift, so a million
     * bars stay in the engine's price range (as in ScenarioBench).
     */
    static final String SCENARIO = """
            {"id":"bench-crossover","version":"0.1","timeframe":"1h","duration_bars":%d,"seed":42,
             "family":"trend","params":{"drift":0.125,"sigma":50},"volume_model":"lognormal"}""";

    private static final long HOUR_MILLIS = 3_600_000L;

    private Crossover() {
    }

    /**
     * Entry and exit bar of every position (exit −1: still open after the last bar) and the final
     * equity (NaN where the implementation has no all-in account, i.e. ta4j).
     */
    record Trades(int[] entries, int[] exits, double finalEquity) {

        int count() {
            return entries.length;
        }

        boolean sameBars(Trades other) {
            return Arrays.equals(entries, other.entries) && Arrays.equals(exits, other.exits);
        }

        /** The first position where two trade lists part, for the failure message. */
        String firstDifference(Trades other) {
            int n = Math.min(count(), other.count());
            for (int i = 0; i < n; i++) {
                if (entries[i] != other.entries[i] || exits[i] != other.exits[i]) {
                    return "position " + i + ": [" + entries[i] + ", " + exits[i] + "] vs ["
                            + other.entries[i] + ", " + other.exits[i] + "]";
                }
            }
            return "position counts " + count() + " vs " + other.count();
        }
    }

    static Bars bars(int n) {
        try {
            Bars bars = ScenarioGenerator.generate(new ObjectMapper().readTree(SCENARIO.formatted(n)));
            if (bars.clippedMoves() != 0) {
                throw new IllegalStateException("the bench scenario must be healthy, clipped " + bars.clippedMoves());
            }
            return bars;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The strategy validated once, to the IR the simulator runs. */
    static IrStrategy strategy() {
        try {
            Validation v = new StrategyValidator().validate(new ObjectMapper().readTree(STRATEGY));
            if (!v.valid()) {
                throw new IllegalStateException("the bench strategy must be valid: " + v.errors());
            }
            return v.ir();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- DSL

    static BacktestRun dsl(IrStrategy ir, Bars bars) {
        return Simulator.run(ir, bars, CONFIG);
    }

    static Trades trades(BacktestRun run) {
        TradeLog log = run.trades();
        int closed = log.roundTripCount();
        boolean open = run.bars() > 0 && run.position()[run.bars() - 1] != 0;
        int[] entries = new int[closed + (open ? 1 : 0)];
        int[] exits = new int[entries.length];
        for (int i = 0; i < closed; i++) {
            entries[i] = log.tripEntryBar(i);
            exits[i] = log.tripExitBar(i);
        }
        if (open) {
            entries[closed] = log.fillBar(log.fillCount() - 1);
            exits[closed] = -1;
        }
        return new Trades(entries, exits, run.bars() == 0 ? INITIAL_CASH : run.equity()[run.bars() - 1]);
    }

    // ---------------------------------------------------------------- plain loop

    /**
     * The whole backtest as one pass over the closes: running sums for both SMAs (the same
     * operations as {@code Sma.of}, NaN in warm-up), DSL.md's crossing
     * ({@code a[t] > b[t] && a[t−1] <= b[t−1]}, false on NaN), all-in long fills at the close.
     */
    static Trades plainLoop(double[] close) {
        return plainLoop(close, null);
    }

    /** @param equityCurve null, or an array that receives the account value after every bar */
    private static Trades plainLoop(double[] close, double[] equityCurve) {
        int n = close.length;
        int[] entries = new int[64];
        int[] exits = new int[64];
        int count = 0;
        double cash = INITIAL_CASH;
        double qty = 0;
        double sumFast = 0;
        double sumSlow = 0;
        double prevFast = Double.NaN;
        double prevSlow = Double.NaN;
        for (int t = 0; t < n; t++) {
            double c = close[t];
            sumFast += c;
            if (t >= FAST) {
                sumFast -= close[t - FAST];
            }
            sumSlow += c;
            if (t >= SLOW) {
                sumSlow -= close[t - SLOW];
            }
            double fast = t >= FAST - 1 ? sumFast / FAST : Double.NaN;
            double slow = t >= SLOW - 1 ? sumSlow / SLOW : Double.NaN;
            if (qty == 0) {
                if (fast > slow && prevFast <= prevSlow) { // crossover: buy, all in
                    qty = cash / c;
                    cash -= qty * c;
                    if (count == entries.length) {
                        entries = Arrays.copyOf(entries, count * 2);
                        exits = Arrays.copyOf(exits, count * 2);
                    }
                    entries[count] = t;
                    exits[count] = -1;
                    count++;
                }
            } else if (fast < slow && prevFast >= prevSlow) { // crossunder: close
                cash += qty * c;
                qty = 0;
                exits[count - 1] = t;
            }
            prevFast = fast;
            prevSlow = slow;
            if (equityCurve != null) { // loop-invariant: the JIT unswitches it
                equityCurve[t] = cash + qty * c;
            }
        }
        double equity = n == 0 ? cash : cash + qty * close[n - 1];
        return new Trades(Arrays.copyOf(entries, count), Arrays.copyOf(exits, count), equity);
    }

    /**
     * The plain loop that also keeps the account's value after every bar, as every backtest must
     * for its metrics: the same trades, plus one write per bar into a fresh array. Benched beside
     * {@link #plainLoop} to show what producing the equity curve costs.
     */
    static double[] plainLoopWithEquity(double[] close) {
        double[] equityCurve = new double[close.length];
        plainLoop(close, equityCurve);
        return equityCurve;
    }

    // ---------------------------------------------------------------- ta4j

    /** The bars as a ta4j series of DoubleNum values (built once: not part of the timed work). */
    static BarSeries ta4jSeries(Bars bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName("bench").withNumTypeOf(DoubleNum.class).build();
        Duration period = Duration.ofMillis(HOUR_MILLIS);
        long[] time = bars.time();
        for (int i = 0; i < bars.size(); i++) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(time[i] + HOUR_MILLIS), ZoneOffset.UTC);
            series.addBar(period, end, DoubleNum.valueOf(bars.open()[i]), DoubleNum.valueOf(bars.high()[i]),
                    DoubleNum.valueOf(bars.low()[i]), DoubleNum.valueOf(bars.close()[i]),
                    DoubleNum.valueOf(bars.volume()[i]));
        }
        return series;
    }

    /** Indicators, rules and strategy are built per run: ta4j caches indicator values in them. */
    static TradingRecord ta4j(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, FAST);
        SMAIndicator slow = new SMAIndicator(close, SLOW);
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), SLOW);
        return new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(strategy);
    }

    static Trades trades(TradingRecord record) {
        List<Position> closed = record.getPositions();
        Position current = record.getCurrentPosition();
        boolean open = current != null && current.isOpened();
        int[] entries = new int[closed.size() + (open ? 1 : 0)];
        int[] exits = new int[entries.length];
        for (int i = 0; i < closed.size(); i++) {
            entries[i] = closed.get(i).getEntry().getIndex();
            exits[i] = closed.get(i).getExit().getIndex();
        }
        if (open) {
            entries[closed.size()] = current.getEntry().getIndex();
            exits[closed.size()] = -1;
        }
        return new Trades(entries, exits, Double.NaN);
    }

    // ---------------------------------------------------------------- agreement

    /**
     * Runs all three once and throws {@link IllegalStateException} unless they open and close
     * positions on exactly the same bars and the DSL's and the plain loop's final equity agree to
     * 1e-9 (relative). Returns the common trades.
     */
    static Trades checkAgreement(IrStrategy ir, Bars bars, BarSeries series) {
        Trades dsl = trades(dsl(ir, bars));
        Trades plain = plainLoop(bars.close());
        Trades ta4j = trades(ta4j(series));
        if (!dsl.sameBars(plain)) {
            throw new IllegalStateException(bars.size() + " bars: DSL and plain loop trade differently, "
                    + dsl.firstDifference(plain));
        }
        if (!dsl.sameBars(ta4j)) {
            throw new IllegalStateException(bars.size() + " bars: DSL and ta4j trade differently, "
                    + dsl.firstDifference(ta4j));
        }
        double[] curve = plainLoopWithEquity(bars.close());
        if (curve.length > 0 && curve[curve.length - 1] != plain.finalEquity()) {
            throw new IllegalStateException(bars.size() + " bars: the plain loop with equity ends elsewhere");
        }
        double scale = Math.max(Math.abs(dsl.finalEquity()), Math.abs(plain.finalEquity()));
        if (!(Math.abs(dsl.finalEquity() - plain.finalEquity()) <= 1e-9 * scale)) {
            throw new IllegalStateException(bars.size() + " bars: final equity differs, DSL " + dsl.finalEquity()
                    + " vs plain loop " + plain.finalEquity());
        }
        return dsl;
    }
}
