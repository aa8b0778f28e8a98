package io.heliox.atlas.engine.indicators;

import io.heliox.atlas.engine.dsl.types.FunctionTable;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each kernel against values worked out by hand on a few bars, its warm-up against the lookback
 * the DSL's function table declares, and the O(n) kernels against the naive per-window definition.
 */
public class IndicatorsTest {

    private static final double NaN = Double.NaN;
    private static final double EPS = 1e-12;

    private static void assertSeries(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int t = 0; t < expected.length; t++) {
            if (Double.isNaN(expected[t])) {
                assertThat(actual[t]).as("bar %d is warm-up", t).isNaN();
            } else {
                assertThat(actual[t]).as("bar %d", t).isCloseTo(expected[t], within(1e-9));
            }
        }
    }

    @Test
    void smaAveragesTheLastNBarsFromBarNMinus1() {
        assertSeries(Indicators.sma(new double[]{1, 2, 3, 4, 5}, 3), NaN, NaN, 2, 3, 4);
        assertSeries(Indicators.sma(new double[]{7, 9}, 1), 7, 9);
        assertSeries(Indicators.sma(new double[]{1, 2}, 3), NaN, NaN);
    }

    @Test
    void emaIsSeededWithTheSmaThenSmoothsWithAlphaTwoOverNPlusOne() {
        // n = 3: alpha = 0.5, seed = (2+4+6)/3 = 4; then 4 + .5(8−4) = 6; 6 + .5(4−6) = 5
        assertSeries(Indicators.ema(new double[]{2, 4, 6, 8, 4}, 3), NaN, NaN, 4, 6, 5);
    }

    @Test
    void rsiUsesWildersSmoothingOverNChanges() {
        // changes +1 −1 +2 −1: first averages (1+0)/2, (0+1)/2 → 50;
        // then gain (.5+2)/2 = 1.25, loss (.5+0)/2 = .25 → 100 − 100/6; then .625/.625 → 50
        assertSeries(Indicators.rsi(new double[]{1, 2, 1, 3, 2}, 2), NaN, NaN, 50, 100 - 100.0 / 6, 50);
    }

    @Test
    void rsiIs100WhenThereIsNoLossFlatIncluded() {
        assertSeries(Indicators.rsi(new double[]{1, 2, 3, 4}, 2), NaN, NaN, 100, 100);
        assertSeries(Indicators.rsi(new double[]{5, 5, 5, 5}, 2), NaN, NaN, 100, 100);
    }

    @Test
    void atrUsesThePreviousCloseForTheTrueRange() {
        double[] high = {10, 11, 12, 11, 13};
        double[] low = {9, 10, 10, 9, 12};
        double[] close = {9.5, 10.5, 11, 10, 12.5};
        // TR from bar 1: 1.5 (gap from 9.5), 2, 2, 3 (gap from 10); ATR(2): (1.5+2)/2, (1.75+2)/2, (1.875+3)/2
        assertSeries(Indicators.atr(high, low, close, 2), NaN, NaN, 1.75, 1.875, 2.4375);
    }

    @Test
    void bollingerBandsUseThePopulationDeviation() {
        double[] x = {1, 2, 3, 5, 5};
        double s2 = Math.sqrt(2.0 / 3);    // {1,2,3}: mean 2, squared deviations 1+0+1 over 3
        double s3 = Math.sqrt(42.0 / 27);  // {2,3,5}: mean 10/3
        double s4 = Math.sqrt(24.0 / 27);  // {3,5,5}: mean 13/3
        assertSeries(Indicators.bbandsUpper(x, 3, 2), NaN, NaN, 2 + 2 * s2, 10.0 / 3 + 2 * s3, 13.0 / 3 + 2 * s4);
        assertSeries(Indicators.bbandsLower(x, 3, 2), NaN, NaN, 2 - 2 * s2, 10.0 / 3 - 2 * s3, 13.0 / 3 - 2 * s4);
        assertSeries(Indicators.bbandsMid(x, 3), NaN, NaN, 2, 10.0 / 3, 13.0 / 3);
    }

    @Test
    void aFlatWindowHasBandsExactlyOnTheMean() {
        double[] x = {100.1, 100.1, 100.1, 100.1, 100.1, 100.1};
        double[] upper = Indicators.bbandsUpper(x, 3, 2);
        for (int t = 2; t < x.length; t++) {
            assertThat(upper[t]).isCloseTo(100.1, within(1e-10));
        }
    }

    @Test
    void slopeHighestLowestAndLag() {
        assertSeries(Indicators.slope(new double[]{1, 2, 4, 7}, 2), NaN, NaN, 1.5, 2.5);
        double[] x = {3, 1, 2, 5, 4, 0, 0};
        assertSeries(Indicators.highest(x, 3), NaN, NaN, 3, 5, 5, 5, 4);
        assertSeries(Indicators.lowest(x, 3), NaN, NaN, 1, 1, 2, 0, 0);
        assertSeries(Indicators.lag(new double[]{1, 2, 3}, 2), NaN, NaN, 1);
        assertSeries(Indicators.lag(new double[]{1, 2, 3}, 0), 1, 2, 3);
        assertSeries(Indicators.lag(new double[]{1, 2, 3}, 5), NaN, NaN, NaN);
    }

    @Test
    void aNaNInputRestartsTheWarmUp() {
        // an inner indicator's warm-up (or x/0) reaches a kernel as NaN
        double[] x = {NaN, 2, 4, 6, 8, NaN, 1, 2, 3};
        assertSeries(Indicators.sma(x, 2), NaN, NaN, 3, 5, 7, NaN, NaN, 1.5, 2.5);
        assertSeries(Indicators.ema(x, 3), NaN, NaN, NaN, 4, 6, NaN, NaN, NaN, 2);
        assertSeries(Indicators.highest(x, 2), NaN, NaN, 4, 6, 8, NaN, NaN, 2, 3);
        assertSeries(Indicators.rsi(x, 2), NaN, NaN, NaN, 100, 100, NaN, NaN, NaN, 100);
        assertSeries(Indicators.slope(x, 1), NaN, NaN, 2, 2, 2, NaN, NaN, 1, 1);
    }

    /** The first defined bar of each kernel is exactly the lookback DSL.md / FunctionTable declare. */
    @Test
    void warmUpMatchesTheDeclaredLookback() {
        double[] x = randomWalk(new Random(1), 200);
        double[] high = x.clone();
        double[] low = x.clone();
        for (int t = 0; t < x.length; t++) {
            high[t] += 0.5;
            low[t] -= 0.5;
        }
        for (int n : new int[]{1, 2, 5, 20, 199}) {
            assertFirstDefined("ma", n, Indicators.sma(x, n));
            assertFirstDefined("ema", n, Indicators.ema(x, n));
            assertFirstDefined("rsi", n, Indicators.rsi(x, n));
            assertFirstDefined("atr", n, Indicators.atr(high, low, x, n));
            assertFirstDefined("bbands_upper", n, Indicators.bbandsUpper(x, n, 2));
            assertFirstDefined("bbands_mid", n, Indicators.bbandsMid(x, n));
            assertFirstDefined("bbands_lower", n, Indicators.bbandsLower(x, n, 2));
            assertFirstDefined("slope", n, Indicators.slope(x, n));
            assertFirstDefined("highest", n, Indicators.highest(x, n));
            assertFirstDefined("lowest", n, Indicators.lowest(x, n));
            assertFirstDefined("lag", n, Indicators.lag(x, n));
        }
    }

    private static void assertFirstDefined(String function, int window, double[] out) {
        int lookback = FunctionTable.lookup(function).orElseThrow().lookback(new int[]{window, 2});
        for (int t = 0; t < out.length; t++) {
            if (t < lookback) {
                assertThat(out[t]).as("%s(%d) at warm-up bar %d", function, window, t).isNaN();
            } else {
                assertThat(out[t]).as("%s(%d) at bar %d", function, window, t).isFinite();
            }
        }
    }

    /** The O(n) running forms agree with the definition computed window by window. */
    @Test
    void runningKernelsMatchTheNaiveDefinitionWithNaNGaps() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            double[] x = randomWalk(random, 1 + random.nextInt(300));
            for (int i = 0; i < x.length / 40; i++) {
                x[random.nextInt(x.length)] = NaN;
            }
            int n = 1 + random.nextInt(30);
            assertNaive(Indicators.sma(x, n), x, n, w -> mean(w));
            assertNaive(Indicators.highest(x, n), x, n, w -> java.util.Arrays.stream(w).max().orElseThrow());
            assertNaive(Indicators.lowest(x, n), x, n, w -> java.util.Arrays.stream(w).min().orElseThrow());
            assertNaive(Indicators.bbandsUpper(x, n, 1.5), x, n, w -> mean(w) + 1.5 * popStd(w));
            assertNaive(Indicators.bbandsLower(x, n, 1.5), x, n, w -> mean(w) - 1.5 * popStd(w));
        }
    }

    private static void assertNaive(double[] actual, double[] x, int n, Function<double[], Double> definition) {
        for (int t = 0; t < x.length; t++) {
            if (t < n - 1) {
                assertThat(actual[t]).isNaN();
                continue;
            }
            double[] window = java.util.Arrays.copyOfRange(x, t - n + 1, t + 1);
            if (java.util.Arrays.stream(window).anyMatch(Double::isNaN)) {
                assertThat(actual[t]).as("window ending at %d holds a NaN", t).isNaN();
            } else {
                assertThat(actual[t]).as("bar %d, n %d", t, n).isCloseTo(definition.apply(window), within(1e-9));
            }
        }
    }

    private static double mean(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s / w.length;
    }

    private static double popStd(double[] w) {
        double m = mean(w);
        double s = 0;
        for (double v : w) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / w.length);
    }

    public static double[] randomWalk(Random random, int size) {
        double[] x = new double[size];
        double price = 100;
        for (int t = 0; t < size; t++) {
            price *= Math.exp(0.01 * random.nextGaussian());
            x[t] = price;
        }
        return x;
    }
}
