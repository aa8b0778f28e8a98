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
}
