package io.heliox.atlas.engine.indicators;

import java.util.Arrays;

/**
 * What the windowed kernels share. An output is NaN until its own lookback is complete, and a
 * NaN <em>input</em> (an inner indicator's warm-up, or a run-time division by 0) makes every
 * window that contains it NaN. The recursive kernels (ema, rsi, atr) cannot "forget" a NaN, so
 * after one they start again as on a fresh series: NaN for a full warm-up, then re-seeded. For
 * ma, bbands, highest and lowest that restart is the same thing as "a window containing NaN is
 * NaN", which is why every windowed kernel is written for one NaN-free run and driven by
 * {@link #forEach}.
 */
final class NanFreeRuns {

    private NanFreeRuns() {
    }

    /** A kernel over the NaN-free run {@code [from, to)} of its input; writes {@code out[from..to)}. */
    interface RunKernel {
        void apply(int from, int to);
    }

    /** Calls {@code kernel} once per maximal run of bars where every given column is a number. */
    static void forEach(int size, RunKernel kernel, double[]... columns) {
        if (noNaN(columns)) { // the usual case (price columns): one run, no per-bar checks in between
            if (size > 0) {
                kernel.apply(0, size);
            }
            return;
        }
        int t = 0;
        while (t < size) {
            while (t < size && anyNaN(columns, t)) {
                t++;
            }
            int from = t;
            while (t < size && !anyNaN(columns, t)) {
                t++;
            }
            if (from < t) {
                kernel.apply(from, t);
            }
        }
    }

    private static boolean noNaN(double[][] columns) {
        for (double[] c : columns) {
            for (double v : c) {
                if (v != v) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean anyNaN(double[][] columns, int t) {
        for (double[] c : columns) {
            if (Double.isNaN(c[t])) {
                return true;
            }
        }
        return false;
    }

    static double[] nans(int size) {
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    static void requireWindow(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a window must be at least 1 bar: " + n);
        }
    }
}
