package io.heliox.atlas.engine.indicators;

import java.util.Arrays;

/** {@code ma(x, n)}: the simple moving average of the last n bars; first value at bar n−1. */
public final class Sma {

    private Sma() {
    }

    /**
     * A running sum (add the new bar, drop the oldest) keeps it O(n) whatever the window; the
     * sum restarts at each NaN-free run, so rounding error cannot build up across NaN gaps.
     */
    public static double[] of(double[] x, int n) {
        NanFreeRuns.requireWindow(n);
        double[] out = new double[x.length];
        if (oneRun(x, n, out)) {
            return out;
        }
        Arrays.fill(out, Double.NaN); // some input was NaN or infinite: redo it run by run
        NanFreeRuns.forEach(x.length, (from, to) -> {
            double sum = 0;
            for (int t = from; t < to; t++) {
                sum += x[t];
                if (t - from >= n) {
                    sum -= x[t - n];
                }
                if (t - from >= n - 1) {
                    out[t] = sum / n;
                }
            }
        }, x);
        return out;
    }

    /**
     * The usual case, without a NaN scan first: the whole column as one run, the same additions in
     * the same order as the run-by-run loop (so the same bits), with no per-bar branch. A NaN or an
     * infinity in the input leaves the running sum non-finite for good (NaN and ±∞ absorb every
     * later addition), so a finite sum at the end proves the input was clean; otherwise the caller
     * starts again run by run. That saves a pass over the input on every call.
     */
    private static boolean oneRun(double[] x, int n, double[] out) {
        int size = x.length;
        int warm = Math.min(n - 1, size);
        double sum = 0;
        for (int t = 0; t < warm; t++) {
            sum += x[t];
            out[t] = Double.NaN;
        }
        if (n - 1 < size) {
            sum += x[n - 1];
            out[n - 1] = sum / n;
        }
        for (int t = n; t < size; t++) {
            sum += x[t];
            sum -= x[t - n];
            out[t] = sum / n;
        }
        return Double.isFinite(sum);
    }

    /**
     * {@code ma(x, n)} bar by bar: the run's sum takes the same additions and subtractions in the
     * same order as {@link #of} ({@code sum += x[t]; sum -= x[t−n]}, then {@code / n}), so the same
     * bits; a NaN input starts a new run as {@link NanFreeRuns#forEach} does.
     */
    public static Indicator.Step stream(int n) {
        NanFreeRuns.requireWindow(n);
        double[] window = new double[n]; // the run's last n inputs, the oldest at [slot] once full
        return new Indicator.Step() {
            private int seen; // bars of the current NaN-free run, capped at n
            private int slot;
            private double sum;

            @Override
            public double next(Indicator.BarInputs in) {
                double x = in.series(0);
                if (Double.isNaN(x)) {
                    seen = 0;
                    slot = 0;
                    sum = 0;
                    return Double.NaN;
                }
                sum += x;
                if (seen == n) {
                    sum -= window[slot];
                } else {
                    seen++;
                }
                window[slot] = x;
                slot = slot + 1 == n ? 0 : slot + 1;
                return seen == n ? sum / n : Double.NaN;
            }
        };
    }
}
