package io.heliox.atlas.engine.accounting;

import io.heliox.atlas.engine.analytics.Metrics;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.execution.OrderType;
import io.heliox.atlas.engine.execution.Simulator;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.signals.BarAction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Bookkeeping invariants on random markets, decisions and terms. The ledger is rebuilt here from
 * the trade log alone (fills only), so a simulator that moved cash or quantity without writing
 * a fill, or wrote a fill it did not book, fails.
 */
class AccountingPropertiesTest {

    private static final double TOL = 1e-9;

    @Property(tries = 300)
    void theLedgerIsTheSumOfItsFills(@ForAll @IntRange(min = 2, max = 600) int size,
                                     @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        Bars bars = market(random, size);
        Case c = randomCase(random, size, false);
        BacktestRun run = Simulator.run(c.actions, c.sizing, c.risk, bars, c.config);
        TradeLog log = run.trades();

        double cash = c.config.initialCash();
        double position = 0;
        int fill = 0;
        for (int t = 0; t < size; t++) {
            while (fill < log.fillCount() && log.fillBar(fill) == t) {
                double signed = log.fillIsBuy(fill) ? log.fillQty(fill) : -log.fillQty(fill);
                cash -= signed * log.fillPx(fill) + log.fillFee(fill);
                position += signed;
                assertThat(log.fillQty(fill)).isPositive();
                assertThat(log.fillFee(fill)).isGreaterThanOrEqualTo(0);
                assertThat(log.fillSlippage(fill)).isGreaterThanOrEqualTo(0);
                fill++;
            }
            double scale = Math.max(1, Math.abs(cash) + Math.abs(position * bars.close()[t]));
            // inventory conservation: the position is the sum of signed fill quantities
            assertThat(run.position()[t]).isCloseTo(position, within(TOL * Math.max(1, Math.abs(position))));
            assertThat(run.cash()[t]).isCloseTo(cash, within(TOL * scale));
            // equity = cash + position value, at every bar
            assertThat(run.equity()[t]).isCloseTo(cash + position * bars.close()[t], within(TOL * scale));
            assertThat(run.equity()[t]).isFinite();
            // the guard: cash never below −max_margin, unless the account was ruined (liquidated)
            if (run.ruinBar() < 0 || t < run.ruinBar()) {
                assertThat(cash).isGreaterThanOrEqualTo(-c.config.maxMargin() - TOL * scale);
            }
        }
        assertThat(fill).isEqualTo(log.fillCount()); // fills are in bar order and none lies outside the bars

        // closed round trips + the open position's mark = total PnL
        double closed = 0;
        for (int i = 0; i < log.roundTripCount(); i++) {
            closed += log.tripPnl(i);
        }
        double last = bars.close()[size - 1];
        double open = openPnl(log, position, last);
        double total = run.equity()[size - 1] - c.config.initialCash();
        assertThat(closed + open).isCloseTo(total, within(1e-7 * Math.max(1, Math.abs(total) + c.config.initialCash())));

        Metrics m = Metrics.of(run, 252);
        assertThat(new double[]{m.sharpe(), m.maxDrawdown(), m.cagr(), m.tailP5(), m.tailWorst1Pct(), m.winRate(), m.exposure()})
                .doesNotContain(Double.NaN);
    }

    @Property(tries = 200)
    void aBuyOnlyStrategyIsNeverShort(@ForAll @IntRange(min = 2, max = 400) int size,
                                      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        Bars bars = market(random, size);
        Case c = randomCase(random, size, true);
        BacktestRun run = Simulator.run(c.actions, c.sizing, c.risk, bars, c.config);
        for (double p : run.position()) {
            assertThat(p).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 100)
    void noDecisionsNoTrades(@ForAll @IntRange(min = 1, max = 400) int size,
                             @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        Bars bars = market(random, size);
        Case c = randomCase(random, size, false);
        BacktestRun run = Simulator.run(new byte[size], c.sizing, c.risk, bars, c.config);
        assertThat(run.trades().fillCount()).isZero();
        assertThat(run.equity()).containsOnly(c.config.initialCash());
    }

    /** Mark of the open position: price move since its entry fill minus that fill's fee. */
    private static double openPnl(TradeLog log, double position, double last) {
        if (position == 0) {
            return 0;
        }
        int entry = log.fillCount() - 1; // the open position's entry is the last fill
        return position * (last - log.fillPx(entry)) - log.fillFee(entry);
    }

    private record Case(byte[] actions, IrStrategy.Sizing sizing, IrStrategy.Risk risk, ExecutionConfig config) {
    }

    private static Case randomCase(Random random, int size, boolean buyOnly) {
        byte[] actions = new byte[size];
        for (int t = 0; t < size; t++) {
            int roll = random.nextInt(10);
            actions[t] = roll < 6 ? BarAction.NONE
                    : roll < 8 ? BarAction.BUY
                    : roll == 8 ? (buyOnly ? BarAction.CLOSE : BarAction.SELL)
                    : random.nextBoolean() ? BarAction.CLOSE : BarAction.HOLD;
        }
        IrStrategy.Sizing sizing = random.nextBoolean()
                ? new IrStrategy.Sizing("fraction", 0.05 + 0.95 * random.nextDouble())
                : new IrStrategy.Sizing("fixed_qty", 0.5 + 50 * random.nextDouble());
        IrStrategy.Risk risk = new IrStrategy.Risk(
                maybe(random, 10 + 2000 * random.nextDouble()), maybe(random, 10 + 3000 * random.nextDouble()),
                maybe(random, 0.5 + 4 * random.nextDouble()), maybe(random, 0.5 + 6 * random.nextDouble()),
                random.nextInt(3) == 0 ? 1 + random.nextInt(10) : null,
                random.nextInt(3) == 0 ? 1 + random.nextInt(30) : null);
        OrderType entry = OrderType.values()[random.nextInt(3)];
        ExecutionConfig config = new ExecutionConfig(100 + random.nextDouble() * 1e6, random.nextDouble() * 50,
                random.nextDouble() * 50, random.nextDouble() * 2, 2 + random.nextInt(40), random.nextInt(4),
                random.nextBoolean() ? 0 : random.nextDouble() * 1e5, entry, random.nextDouble() * 300,
                1 + random.nextInt(5), 1 + random.nextInt(20));
        return new Case(actions, sizing, risk, config);
    }

    private static Double maybe(Random random, double value) {
        return random.nextBoolean() ? value : null;
    }

    /** A random walk with gaps: OHLC consistent (low ≤ open, close ≤ high), prices &gt; 0. */
    static Bars market(Random random, int size) {
        long[] time = new long[size];
        double[] o = new double[size];
        double[] h = new double[size];
        double[] l = new double[size];
        double[] c = new double[size];
        double price = 50 + 100 * random.nextDouble();
        double vol = 0.002 + 0.05 * random.nextDouble();
        for (int t = 0; t < size; t++) {
            time[t] = t * 3_600_000L;
            double gap = random.nextInt(20) == 0 ? random.nextGaussian() * vol * 5 : 0;
            o[t] = price * Math.exp(gap);
            c[t] = o[t] * Math.exp(random.nextGaussian() * vol);
            h[t] = Math.max(o[t], c[t]) * Math.exp(Math.abs(random.nextGaussian()) * vol / 2);
            l[t] = Math.min(o[t], c[t]) * Math.exp(-Math.abs(random.nextGaussian()) * vol / 2);
            price = c[t];
        }
        return new Bars(time, o, h, l, c, new double[size], 0);
    }
}
