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

    /** {@code slope(x, n)} bar by bar: the input n bars back from a ring of the last n (NaN simply propagates). */
    public static Indicator.Step stream(int n) {
        NanFreeRuns.requireWindow(n);
        double[] window = new double[n];
        return new Indicator.Step() {
            private boolean full;
            private int slot;

            @Override
            public double next(Indicator.BarInputs in) {
                double x = in.series(0);
                double out = full ? (x - window[slot]) / n : Double.NaN;
                window[slot] = x;
                slot = slot + 1 == n ? 0 : slot + 1;
                full |= slot == 0;
                return out;
            }
        };
    }
}
