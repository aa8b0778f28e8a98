package io.heliox.atlas.engine.indicators;

/** {@code slope(x, n)}: {@code (x[t] − x[t−n]) / n}; NaN for t < n or when either end is NaN. */
public final class Slope {

    private Slope() {
    }

    public static double[] of(double[] x, int n) {
        NanFreeRuns.requireWindow(n);
        double[] out = NanFreeRuns.nans(x.length);
        for (int t = n; t < x.length; t++) {
            out[t] = (x[t] - x[t - n]) / n; // NaN at either end stays NaN: IEEE arithmetic does it
        }
        return out;
    }
}
