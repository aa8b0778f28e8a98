package io.heliox.atlas.engine.indicators;

/**
 * {@code ema(x, n)}: α = 2/(n+1), seeded with {@code ma(x, n)} at bar n−1 (DSL.md), then
 * {@code ema[t] = ema[t−1] + α·(x[t] − ema[t−1])}. Seeding with the SMA rather than x[0]
 * is what makes the first value independent of how far back the series happens to start.
 */
public final class Ema {

    private Ema() {
    }

    public static double[] of(double[] x, int n) {
        NanFreeRuns.requireWindow(n);
        double[] out = NanFreeRuns.nans(x.length);
        double alpha = 2.0 / (n + 1);
        NanFreeRuns.forEach(x.length, (from, to) -> {
            double sum = 0;
            for (int t = from; t < to; t++) {
                int seen = t - from + 1;
                if (seen < n) {
                    sum += x[t];
                } else if (seen == n) {
                    sum += x[t];
                    out[t] = sum / n;
                } else {
                    out[t] = out[t - 1] + alpha * (x[t] - out[t - 1]);
                }
            }
        }, x);
        return out;
    }

    /** {@code ema(x, n)} bar by bar: {@link #of}'s seed and recursion, a NaN input restarting the run. */
    public static Indicator.Step stream(int n) {
        NanFreeRuns.requireWindow(n);
        double alpha = 2.0 / (n + 1);
        return new Indicator.Step() {
            private int seen; // capped at n + 1: past the seed only the recursion matters
            private double sum;
            private double last;

            @Override
            public double next(Indicator.BarInputs in) {
                double x = in.series(0);
                if (Double.isNaN(x)) {
                    seen = 0;
                    sum = 0;
                    return Double.NaN;
                }
                if (seen < n) {
                    seen++;
                    sum += x;
                    if (seen < n) {
                        return Double.NaN;
                    }
                    last = sum / n;
                    return last;
                }
                last = last + alpha * (x - last);
                return last;
            }
        };
    }
}
