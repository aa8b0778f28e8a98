package io.heliox.atlas.engine.backtest;

import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.scenario.Bars;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fused moving-average crossing kernel decides exactly what the general column path decides
 * (same bytes on every bar), engages for every strategy of its shape on finite data, and steps
 * aside for anything else: other rules, other indicators, NaN or infinite prices.
 */
class MaCrossKernelTest {

    private static final String[] PRICES = {"close", "open", "high", "low"};
    private static final String[] ACTIONS = {"buy", "sell", "close", "hold"};

    @Test
    void randomCrossingStrategiesDecideExactlyAsTheColumnPath() {
        SplittableRandom random = new SplittableRandom(20261124);
        for (int trial = 0; trial < 2_000; trial++) {
            Bars bars = randomBars(random, 1 + random.nextInt(400), false);
            IrStrategy strategy = randomCrossings(random);
            byte[] general = SignalEvaluator.evaluate(strategy, new SeriesEvaluator(bars));
            byte[] fused = MaCrossKernel.actions(strategy, bars);
            assertThat(fused).as("trial %d: finite prices, crossing rules", trial).isNotNull();
            assertThat(fused).as("trial %d", trial).isEqualTo(general);
            assertThat(SignalEvaluator.evaluate(strategy, bars)).isEqualTo(general);
        }
    }

    @Test
    void nonFinitePricesFallBackToTheColumnPathAndItsRestartRule() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            Bars bars = randomBars(random, 40 + random.nextInt(300), true);
            IrStrategy strategy = SignalEvaluatorTest.strategy("crossover(ma(close,3), ma(close,9))", "buy",
                    "crossunder(ma(close,3), ma(close,9))", "close");
            assertThat(MaCrossKernel.actions(strategy, bars)).as("a NaN or infinity makes the kernel step aside").isNull();
            assertThat(SignalEvaluator.evaluate(strategy, bars))
                    .isEqualTo(SignalEvaluator.evaluate(strategy, new SeriesEvaluator(bars)));
        }
    }

    @Test
    void otherShapesAreLeftToTheColumnPath() {
        Bars bars = randomBars(new SplittableRandom(3), 200, false);
        for (String[] rules : new String[][]{
                {"crossover(ma(close,3), ma(close,9))", "buy", "close < ma(close,9)", "close"},
                {"crossover(ema(close,3), ema(close,9))", "buy"},
                {"crossover(ma(close,3), ma(close,9))", "buy", "crossunder(ma(close,4), ma(close,9))", "close"},
                {"crossover(close, ma(close,9))", "buy"},
                {"crossover(ma(close,3) + 1, ma(close,9))", "buy"}}) {
            IrStrategy strategy = SignalEvaluatorTest.strategy(rules);
            assertThat(MaCrossKernel.actions(strategy, bars)).as(String.join(" ; ", rules)).isNull();
        }
    }

    private static IrStrategy randomCrossings(SplittableRandom random) {
        String fast = "ma(" + PRICES[random.nextInt(PRICES.length)] + "," + (1 + random.nextInt(40)) + ")";
        String slow = "ma(" + PRICES[random.nextInt(PRICES.length)] + "," + (1 + random.nextInt(60)) + ")";
        List<String> rules = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            rules.add((random.nextBoolean() ? "crossover(" : "crossunder(") + fast + ", " + slow + ")");
            rules.add(ACTIONS[random.nextInt(ACTIONS.length)]);
        }
        return SignalEvaluatorTest.strategy(rules.toArray(String[]::new));
    }

    /** A random walk with flat stretches (ties between the averages) and, if asked, a NaN or infinity. */
    private static Bars randomBars(SplittableRandom random, int size, boolean nonFinite) {
        double[][] columns = new double[4][size];
        for (double[] column : columns) {
            double price = 100;
            for (int t = 0; t < size; t++) {
                if (random.nextInt(5) != 0) {
                    price += random.nextInt(7) - 3; // integer steps: equal sums, touching averages
                }
                column[t] = price;
            }
        }
        if (nonFinite) {
            double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            columns[3][random.nextInt(size)] = bad[random.nextInt(bad.length)];
        }
        long[] time = new long[size];
        double[] volume = new double[size];
        for (int t = 0; t < size; t++) {
            time[t] = t * 3_600_000L;
            volume[t] = 1000;
        }
        // Bars(time, open, high, low, close, volume, …): the non-finite value lands in close.
        return new Bars(time, columns[0], columns[1], columns[2], columns[3], volume, 0);
    }
}
