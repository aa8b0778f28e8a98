package io.heliox.atlas.engine.execution;

import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.accounting.TradeLog;
import io.heliox.atlas.engine.analytics.Metrics;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.signals.BarAction;
import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.signals.BarAction.BUY;
import static io.heliox.atlas.engine.signals.BarAction.CLOSE;
import static io.heliox.atlas.engine.signals.BarAction.NONE;
import static io.heliox.atlas.engine.signals.BarAction.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The simulator's rules on hand-made bars, every expected number derived here from
 * BACKTEST.md's rules (not read back from the engine).
 */
class SimulatorTest {

    static final IrStrategy.Sizing ALL_IN = new IrStrategy.Sizing("fraction", 1.0);
    static final IrStrategy.Risk NO_RISK = new IrStrategy.Risk(null, null, null, null, null, null);
    static final double EPS = 1e-9;

    /** Bars from rows of {open, high, low, close}. */
    static Bars bars(double[]... ohlc) {
        int n = ohlc.length;
        long[] time = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 60_000L;
            o[i] = ohlc[i][0];
            h[i] = ohlc[i][1];
            l[i] = ohlc[i][2];
            c[i] = ohlc[i][3];
        }
        return new Bars(time, o, h, l, c, new double[n], 0);
    }

    /** A bar that opens, stays and closes at one price. */
    static double[] flat(double price) {
        return new double[]{price, price, price, price};
    }

    static double[] bar(double o, double h, double l, double c) {
        return new double[]{o, h, l, c};
    }

    static IrStrategy.Risk risk(Double slBps, Double tpBps, Integer cooldown, Integer maxBars) {
        return new IrStrategy.Risk(slBps, tpBps, null, null, cooldown, maxBars);
    }

    @Test
    void aMarketOrderFillsAtTheCloseOfTheDecisionBar() {
        Bars b = bars(flat(100), flat(110), flat(121), flat(121));
        BacktestRun run = Simulator.run(new byte[]{BUY, NONE, CLOSE, NONE}, ALL_IN, NO_RISK, b, ExecutionConfig.of(1000));
        TradeLog log = run.trades();
        assertThat(log.fillCount()).isEqualTo(2);
        assertThat(log.fillBar(0)).isZero();
        assertThat(log.fillPx(0)).isEqualTo(100);
        assertThat(log.fillQty(0)).isEqualTo(10);
        assertThat(log.fillBar(1)).isEqualTo(2);
        assertThat(run.equity()).containsExactly(1000, 1100, 1210, 1210);
        assertThat(log.roundTripCount()).isOne();
        assertThat(log.tripPnl(0)).isEqualTo(210);
        assertThat(run.barsInPosition()).isEqualTo(2); // bars 0 and 1 end long; bar 2 ends flat
    }

    @Test
    void barDelayMovesTheFillToALaterClose() {
        Bars b = bars(flat(100), flat(110), flat(121), flat(100), flat(100));
        BacktestRun run = Simulator.run(new byte[]{BUY, NONE, NONE, NONE, NONE}, ALL_IN, NO_RISK, b,
                ExecutionConfig.of(1000).withBarDelay(2));
        assertThat(run.trades().fillBar(0)).isEqualTo(2);
        assertThat(run.trades().fillPx(0)).isEqualTo(121);
        // a decision whose fill bar is past the end never fills
        BacktestRun late = Simulator.run(new byte[]{NONE, NONE, NONE, BUY, NONE}, ALL_IN, NO_RISK, b,
                ExecutionConfig.of(1000).withBarDelay(2));
        assertThat(late.trades().fillCount()).isZero();
        assertThat(late.unfilledOrders()).isOne();
    }

    @Test
    void feesAndSlippageAreChargedOnEachFill() {
        // 10 bps slippage, 20 bps fee. Buy at 100 → px 100.1; qty = 1000 / (100.1 · 1.002)
        Bars b = bars(flat(100), flat(100));
        BacktestRun run = Simulator.run(new byte[]{BUY, CLOSE}, ALL_IN, NO_RISK, b,
                ExecutionConfig.of(1000).withCosts(20, 10));
        TradeLog log = run.trades();
        double q = 1000 / (100.1 * 1.002);
        assertThat(log.fillPx(0)).isCloseTo(100.1, within(EPS));
        assertThat(log.fillQty(0)).isCloseTo(q, within(EPS));
        assertThat(log.fillFee(0)).isCloseTo(q * 100.1 * 0.002, within(EPS));
        assertThat(log.fillSlippage(0)).isCloseTo(q * 0.1, within(EPS));
        assertThat(log.fillPx(1)).isCloseTo(99.9, within(EPS));
        double expectedCash = 1000 - q * 100.1 - q * 100.1 * 0.002 + q * 99.9 - q * 99.9 * 0.002;
        assertThat(run.equity()[1]).isCloseTo(expectedCash, within(EPS));
        assertThat(log.tripPnl(0)).isCloseTo(expectedCash - 1000, within(EPS));
        assertThat(run.cash()[0]).isGreaterThanOrEqualTo(-EPS); // all-in with fees still leaves cash ≥ 0
    }

    @Test
    void slippageGrowsWithRecentVolatility() {
        double[] close = {100, 110, 99, 108.9, 98.01};
        double[] bps = SlippageModel.bps(close, 5, 0.5, 3);
        assertThat(bps[0]).isEqualTo(5); // no return yet
        // bar 1: one return (+10 %), σ = 0
        assertThat(bps[1]).isCloseTo(5, within(EPS));
        // bar 3: returns +10 %, −10 %, +10 % → mean 1/30, σ = sqrt(mean(r²) − mean²)
        double m = 0.1 / 3;
        double sigma = Math.sqrt(0.01 - m * m);
        assertThat(bps[3]).isCloseTo(5 + 0.5 * sigma * 1e4, within(1e-6));
        // bar 4: the window drops the first return: −10 %, +10 %, −10 %
        assertThat(bps[4]).isCloseTo(5 + 0.5 * sigma * 1e4, within(1e-6));
        assertThat(SlippageModel.bps(close, 7, 0, 3)).containsOnly(7);
    }

    @Test
    void slippageFollowsTheVolatilityOfTheWindowsReturnsOnLongRandomSeries() {
        // against a plain two-pass recomputation at every bar: the sliding sums must not drift
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        for (int window : new int[]{1, 2, 3, 20, 60}) {
            double[] close = new double[2_000];
            double price = 100;
            for (int t = 0; t < close.length; t++) {
                price *= 1 + (random.nextDouble() - 0.5) * 0.04;
                close[t] = price;
            }
            double[] bps = SlippageModel.bps(close, 3, 0.5, window);
            for (int t = 0; t < close.length; t++) {
                int from = Math.max(1, t - window + 1);
                int n = t - from + 1;
                double mean = 0;
                for (int i = from; i <= t; i++) {
                    mean += close[i] / close[i - 1] - 1;
                }
                mean = t == 0 ? 0 : mean / n;
                double var = 0;
                for (int i = from; i <= t; i++) {
                    double d = close[i] / close[i - 1] - 1 - mean;
                    var += d * d;
                }
                double sigma = t == 0 ? 0 : Math.sqrt(var / n);
                assertThat(bps[t]).as("window %d, bar %d", window, t).isCloseTo(3 + 0.5 * sigma * 1e4, within(1e-5)); // 1e-5 bps: the sums' rounding, far below a tick
            }
        }
    }

    @Test
    void aStopLossSellsAtTheStopWhenTheBarCrossesIt() {
        // long at 100, stop 200 bps = 98; bar 1 low 97 → out at 98
        Bars b = bars(flat(100), bar(100, 101, 97, 99), flat(99));
        BacktestRun run = Simulator.run(new byte[]{BUY, NONE, NONE}, ALL_IN, risk(200.0, null, null, null), b,
                ExecutionConfig.of(1000));
        TradeLog log = run.trades();
        assertThat(log.fillCount()).isEqualTo(2);
        assertThat(log.fillPx(1)).isEqualTo(98);
        assertThat(log.fillReason(1)).isEqualTo(FillReason.STOP_LOSS);
        assertThat(OrderType.of(log.fillType(1))).isEqualTo(OrderType.STOP);
        assertThat(run.equity()[2]).isCloseTo(980, within(EPS));
    }

    @Test
    void aGapThroughTheStopFillsAtTheOpen() {
        Bars b = bars(flat(100), bar(90, 91, 89, 90), flat(90));
        BacktestRun run = Simulator.run(new byte[]{BUY, NONE, NONE}, ALL_IN, risk(200.0, null, null, null), b,
                ExecutionConfig.of(1000));
        assertThat(run.trades().fillPx(1)).isEqualTo(90);
        assertThat(run.equity()[2]).isCloseTo(900, within(EPS));
    }

    @Test
    void stopLossAndTakeProfitInTheSameBarTakeTheLoss() {
        // stop 98, target 103; the bar reaches 97 and 104
        Bars b = bars(flat(100), bar(100, 104, 97, 101), flat(101));
        BacktestRun run = Simulator.run(new byte[]{BUY, NONE, NONE}, ALL_IN, risk(200.0, 300.0, null, null), b,
                ExecutionConfig.of(1000));
        assertThat(run.trades().fillPx(1)).isEqualTo(98);
        assertThat(run.trades().tripExitReason(0)).isEqualTo(FillReason.STOP_LOSS);
        // only the target in range → take profit at the limit, no slippage on a limit
        BacktestRun win = Simulator.run(new byte[]{BUY, NONE, NONE}, ALL_IN, risk(200.0, 300.0, null, null),
                bars(flat(100), bar(100, 104, 99, 101), flat(101)), ExecutionConfig.of(1000).withCosts(0, 50));
        assertThat(win.trades().fillReason(1)).isEqualTo(FillReason.TAKE_PROFIT);
        assertThat(win.trades().fillPx(1)).isCloseTo(100.5 * 1.03, within(EPS)); // entry paid 50 bps
        assertThat(win.trades().fillSlippage(1)).isZero();
    }

    @Test
    void theStopIsNotActiveOnTheEntryBar() {
        // entry at the close of bar 0; bar 0's own low (50) happened before the entry
        Bars b = bars(bar(100, 100, 50, 100), flat(100));
        BacktestRun run = Simulator.run(new byte[]{BUY, NONE}, ALL_IN, risk(200.0, null, null, null), b,
                ExecutionConfig.of(1000));
        assertThat(run.trades().fillCount()).isOne();
    }

    @Test
    void atrLevelsUseTheAtrAtTheEntryBarAndTheNearerLevelWins() {
        // constant range 2 (high − low) with flat closes: ATR(2) = 2 from bar 2
        Bars b = bars(bar(100, 101, 99, 100), bar(100, 101, 99, 100), bar(100, 101, 99, 100),
                bar(100, 101, 96.5, 100), flat(100));
        IrStrategy.Risk atrStop = new IrStrategy.Risk(1000.0, null, 1.5, null, null, null); // bps stop 90, ATR stop 97
        ExecutionConfig cfg = new ExecutionConfig(1000, 0, 0, 0, 20, 0, 0, OrderType.MARKET, 0, 1, 2);
        BacktestRun run = Simulator.run(new byte[]{NONE, NONE, BUY, NONE, NONE}, ALL_IN, atrStop, b, cfg);
        assertThat(run.trades().fillPx(1)).isCloseTo(97, within(EPS));
    }

    @Test
    void aLimitEntryFillsOnlyWhenTouchedAndExpires() {
        // buy signal at close 100, limit 100 bps below = 99, valid 2 bars
        ExecutionConfig limit = ExecutionConfig.of(1000).withEntry(OrderType.LIMIT, 100, 2);
        Bars touched = bars(flat(100), bar(100, 101, 99.5, 100), bar(100, 100, 98, 99), flat(99));
        BacktestRun run = Simulator.run(new byte[]{BUY, NONE, NONE, NONE}, ALL_IN, NO_RISK, touched, limit);
        assertThat(run.trades().fillCount()).isOne();
        assertThat(run.trades().fillBar(0)).isEqualTo(2);
        assertThat(run.trades().fillPx(0)).isEqualTo(99);
        assertThat(OrderType.of(run.trades().fillType(0))).isEqualTo(OrderType.LIMIT);

        Bars missed = bars(flat(100), bar(100, 101, 99.5, 100), bar(100, 101, 99.5, 100), bar(100, 100, 90, 95));
        BacktestRun expired = Simulator.run(new byte[]{BUY, NONE, NONE, NONE}, ALL_IN, NO_RISK, missed, limit);
        assertThat(expired.trades().fillCount()).isZero(); // bar 3 would touch, but the order expired after bar 2
        assertThat(expired.cancelledEntries()).isOne();
    }

    @Test
    void aStopEntryFillsOnTheBreakout() {
        ExecutionConfig stop = ExecutionConfig.of(1000).withEntry(OrderType.STOP, 100, 5);
        Bars b = bars(flat(100), bar(100, 100.5, 99, 100), bar(100, 102, 99, 101.5), flat(101.5));
        BacktestRun run = Simulator.run(new byte[]{BUY, NONE, NONE, NONE}, ALL_IN, NO_RISK, b, stop);
        assertThat(run.trades().fillBar(0)).isEqualTo(2);
        assertThat(run.trades().fillPx(0)).isCloseTo(101, within(EPS));
    }

    @Test
    void sellReversesALongIntoAShort() {
        Bars b = bars(flat(100), flat(120), flat(90));
        BacktestRun run = Simulator.run(new byte[]{BUY, SELL, NONE}, ALL_IN, NO_RISK, b, ExecutionConfig.of(1000));
        TradeLog log = run.trades();
        assertThat(log.fillCount()).isEqualTo(3); // buy 10, sell 10 (exit), sell 10 (entry)
        assertThat(run.position()[1]).isCloseTo(-10, within(EPS)); // 1200 of equity at 120 → 10 short
        assertThat(run.equity()[2]).isCloseTo(1200 + 10 * 30, within(EPS));
        assertThat(log.fillIsBuy(1)).isFalse();
        assertThat(log.fillIsBuy(2)).isFalse();
    }

    @Test
    void cooldownBlocksEntriesAfterAnExit() {
        Bars b = bars(flat(100), flat(100), flat(100), flat(100), flat(100), flat(100));
        byte[] actions = {BUY, CLOSE, BUY, BUY, BUY, BUY};
        BacktestRun run = Simulator.run(actions, ALL_IN, risk(null, null, 2, null), b, ExecutionConfig.of(1000));
        // exit at bar 1; bars 2 and 3 wait; the entry comes at bar 4
        assertThat(run.trades().fillCount()).isEqualTo(3);
        assertThat(run.trades().fillBar(2)).isEqualTo(4);
    }

    @Test
    void maxBarsHeldExitsAtTheClose() {
        Bars b = bars(flat(100), flat(101), flat(102), flat(103), flat(104));
        byte[] actions = {BUY, BUY, BUY, NONE, NONE};
        BacktestRun run = Simulator.run(actions, ALL_IN, risk(null, null, null, 2), b, ExecutionConfig.of(1000));
        assertThat(run.trades().fillCount()).isEqualTo(2);
        assertThat(run.trades().fillBar(1)).isEqualTo(2);
        assertThat(run.trades().tripExitReason(0)).isEqualTo(FillReason.TIME_EXIT);
    }

    @Test
    void theCashGuardClampsAFixedQuantityToWhatCashPays() {
        IrStrategy.Sizing hundredUnits = new IrStrategy.Sizing("fixed_qty", 100);
        Bars b = bars(flat(100), flat(100));
        BacktestRun run = Simulator.run(new byte[]{BUY, NONE}, hundredUnits, NO_RISK, b,
                ExecutionConfig.of(1000).withCosts(10, 0));
        assertThat(run.trades().fillQty(0)).isCloseTo(1000 / (100 * 1.001), within(EPS));
        assertThat(run.cash()[1]).isGreaterThanOrEqualTo(-EPS);
        // with 5000 of margin the same order buys 59.94 units and cash goes to −5000
        BacktestRun margin = Simulator.run(new byte[]{BUY, NONE}, hundredUnits, NO_RISK, b,
                ExecutionConfig.of(1000).withCosts(10, 0).withMaxMargin(5000));
        assertThat(margin.trades().fillQty(0)).isCloseTo(6000 / (100 * 1.001), within(EPS));
        assertThat(margin.cash()[1]).isCloseTo(-5000, within(1e-6));
    }

    @Test
    void ruinLiquidatesAndStopsTrading() {
        // short 10 at 100, price triples: equity 1000 − 10·200 < 0 at bar 1
        Bars b = bars(flat(100), flat(300), flat(100), flat(100));
        BacktestRun run = Simulator.run(new byte[]{SELL, NONE, BUY, NONE}, ALL_IN, NO_RISK, b, ExecutionConfig.of(1000));
        assertThat(run.ruinBar()).isEqualTo(1);
        assertThat(run.trades().fillCount()).isEqualTo(2);
        assertThat(run.trades().fillReason(1)).isEqualTo(FillReason.RUIN);
        assertThat(run.equity()[3]).isEqualTo(run.equity()[1]).isCloseTo(-1000, within(EPS));
        Metrics m = Metrics.of(run, 252);
        assertThat(m.maxDrawdown()).isEqualTo(1.0);
    }

    @Test
    void theTradeLogHintCountsOrderChangesAndALogOutgrowingItKeepsEveryFill() {
        byte[] actions = new byte[40];
        actions[3] = BUY;
        actions[4] = BUY;            // the same order again: no change
        actions[5] = BarAction.HOLD; // not an order
        actions[17] = CLOSE;         // after a zero word (bars 8..15)
        actions[39] = SELL;          // the last bar, past the last whole word
        assertThat(Simulator.decisionChanges(actions)).isEqualTo(3);
        assertThat(Simulator.decisionChanges(new byte[0])).isZero();

        // Reversals every bar: 2 fills per change, so the log outgrows the hint (~ one per change).
        int n = 300;
        double[][] rows = new double[n][];
        byte[] flips = new byte[n];
        for (int t = 0; t < n; t++) {
            rows[t] = flat(100 + t % 7);
            flips[t] = t % 2 == 0 ? BUY : SELL;
        }
        BacktestRun run = Simulator.run(flips, ALL_IN, NO_RISK, bars(rows), ExecutionConfig.of(1000));
        TradeLog log = run.trades();
        assertThat(log.fillCount()).isEqualTo(1 + 2 * (n - 1));
        assertThat(log.roundTripCount()).isEqualTo(n - 1);
        for (int i = 1; i < log.fillCount(); i++) {
            assertThat(log.fillBar(i)).as("fill %d", i).isEqualTo((i + 1) / 2);
        }
    }

    @Test
    void noDecisionsMeanNoTradesAndFlatEquity() {
        Bars b = bars(flat(100), bar(100, 130, 70, 120), flat(80));
        BacktestRun run = Simulator.run(new byte[3], ALL_IN, risk(100.0, 100.0, 1, 1), b, ExecutionConfig.of(1000).withCosts(10, 10));
        assertThat(run.trades().fillCount()).isZero();
        assertThat(run.equity()).containsOnly(1000);
        Metrics m = Metrics.of(run, 252);
        assertThat(m.sharpe()).isZero();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.exposure()).isZero();
    }
}
