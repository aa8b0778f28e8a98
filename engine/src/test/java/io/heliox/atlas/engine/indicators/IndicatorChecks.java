package io.heliox.atlas.engine.indicators;

import io.heliox.atlas.engine.dsl.types.FunctionTable;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the kernel tests check each kernel against: values worked out by hand on a few bars, the
 * warm-up the DSL's function table declares, and the naive per-window definition.
 */
public final class IndicatorChecks {

    static final double NaN = Double.NaN;

    private IndicatorChecks() {
    }

    static void assertSeries(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int t = 0; t < expected.length; t++) {
            if (Double.isNaN(expected[t])) {
                assertThat(actual[t]).as("bar %d is warm-up", t).isNaN();
            } else {
                assertThat(actual[t]).as("bar %d", t).isCloseTo(expected[t], within(1e-9));
            }
        }
    }

    /** Windows from 1 bar to the whole series, as the warm-up checks use them. */
    static final int[] WINDOWS = {1, 2, 5, 20, 199};

    /** A positive random walk of 200 bars, and high/low half a point around it. */
    static final class Walk {
        final double[] close = randomWalk(new Random(1), 200);
        final double[] high = close.clone();
        final double[] low = close.clone();

        Walk() {
            for (int t = 0; t < close.length; t++) {
                high[t] += 0.5;
                low[t] -= 0.5;
            }
        }
    }

    /**
     * The first defined bar is exactly the lookback DSL.md / FunctionTable declare for
     * {@code function} (whose second constant, where it has one, is 2).
     */
    static void assertFirstDefined(String function, int window, double[] out) {
        int lookback = FunctionTable.lookup(function).orElseThrow().lookback(new int[]{window, 2});
        for (int t = 0; t < out.length; t++) {
            if (t < lookback) {
                assertThat(out[t]).as("%s(%d) at warm-up bar %d", function, window, t).isNaN();
            } else {
                assertThat(out[t]).as("%s(%d) at bar %d", function, window, t).isFinite();
            }
        }
    }

    /** Random walks of up to 300 bars with NaN holes, and a window up to 30, for the naive checks. */
    interface NaiveCase {
        void check(double[] x, int n);
    }

    static void forRandomSeriesWithNaNGaps(NaiveCase check) {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            double[] x = randomWalk(random, 1 + random.nextInt(300));
            for (int i = 0; i < x.length / 40; i++) {
                x[random.nextInt(x.length)] = NaN;
            }
            int n = 1 + random.nextInt(30);
            check.check(x, n);
        }
    }

    /** The O(n) running form agrees with the definition computed window by window. */
    static void assertNaive(double[] actual, double[] x, int n, Function<double[], Double> definition) {
        for (int t = 0; t < x.length; t++) {
            if (t < n - 1) {
                assertThat(actual[t]).isNaN();
                continue;
            }
            double[] window = Arrays.copyOfRange(x, t - n + 1, t + 1);
            if (Arrays.stream(window).anyMatch(Double::isNaN)) {
                assertThat(actual[t]).as("window ending at %d holds a NaN", t).isNaN();
            } else {
                assertThat(actual[t]).as("bar %d, n %d", t, n).isCloseTo(definition.apply(window), within(1e-9));
            }
        }
    }

    static double mean(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s / w.length;
    }

    static double popStd(double[] w) {
        double m = mean(w);
        double s = 0;
        for (double v : w) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / w.length);
    }

    /** A geometric random walk from 100 with 1 % steps: positive, like a price. */
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
