package io.heliox.atlas.engine.signals;

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

    /**
     * The kernel orders the averages by estimates {@code sum × (1/n)} and divides only when they
     * are too close to call. Here the two columns are the same walk, one of them nudged by an ulp
     * or two on random bars, at scales from subnormal to near overflow: the averages tie or differ
     * in the last bits on most bars, so both the filter's edge and the exact fallback decide, and
     * every decision must still be the column path's (which divides on every bar).
     */
    @Test
    void lastBitTiesAndExtremeScalesDecideAsTheExactAverages() {
        SplittableRandom random = new SplittableRandom(53);
        double[] scales = {1, 0.1, 1.0 / 3, 1e-300, 0x1p-1060, Double.MIN_VALUE, 1e300, 0x1p990}; // sums stay finite: level ≈ 1,000 × window ≤ 30
        for (int trial = 0; trial < 2_000; trial++) {
            int size = 1 + random.nextInt(300);
            double scale = scales[trial % scales.length];
            double[] x = new double[size];
            double[] y = new double[size];
            double level = 1000;
            for (int t = 0; t < size; t++) {
                if (random.nextInt(4) == 0) {
                    level += random.nextInt(9) - 4;
                }
                x[t] = level * scale;
                y[t] = switch (random.nextInt(4)) {
                    case 0 -> Math.nextUp(x[t]);
                    case 1 -> Math.nextDown(x[t]);
                    case 2 -> Math.nextUp(Math.nextUp(x[t]));
                    default -> x[t];
                };
            }
            int n = 1 + random.nextInt(30);
            int m = random.nextBoolean() ? n : 1 + random.nextInt(30);
            String fast = "ma(close," + n + ")";
            String slow = "ma(open," + m + ")";
            IrStrategy strategy = SignalEvaluatorTest.strategy("crossover(" + fast + ", " + slow + ")", "buy",
                    "crossunder(" + fast + ", " + slow + ")", "sell");
            Bars bars = bars(y, x); // open = y, close = x
            byte[] general = SignalEvaluator.evaluate(strategy, new SeriesEvaluator(bars));
            byte[] fused = MaCrossKernel.actions(strategy, bars);
            assertThat(fused).as("trial %d: scale %s, windows %d/%d", trial, scale, n, m).isEqualTo(general);
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
        // Bars(time, open, high, low, close, volume, …): the non-finite value lands in close.
        return bars(columns[0], columns[1], columns[2], columns[3]);
    }

    private static Bars bars(double[] open, double[] close) {
        return bars(open, close, close, close);
    }

    private static Bars bars(double[] open, double[] high, double[] low, double[] close) {
        int size = close.length;
        long[] time = new long[size];
        double[] volume = new double[size];
        for (int t = 0; t < size; t++) {
            time[t] = t * 3_600_000L;
            volume[t] = 1000;
        }
        return new Bars(time, open, high, low, close, volume, 0);
    }
}
