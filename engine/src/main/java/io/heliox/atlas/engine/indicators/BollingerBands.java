package io.heliox.atlas.engine.indicators;

/**
 * {@code bbands_upper/mid/lower(x, n[, k])}: the moving average and the bands k population
 * standard deviations above and below it, over n bars; first value at bar n−1.
 */
public final class BollingerBands {

    private BollingerBands() {
    }

    /** {@code bbands_mid(x, n)}: the same as {@code ma(x, n)}. */
    public static double[] mid(double[] x, int n) {
        return Sma.of(x, n);
    }

    /** {@code bbands_upper(x, n, k)}: {@code ma(x,n) + k·σ}, σ the population deviation over n bars. */
    public static double[] upper(double[] x, int n, double k) {
        return band(x, n, k);
    }

    /** {@code bbands_lower(x, n, k)}: {@code ma(x,n) − k·σ}. */
    public static double[] lower(double[] x, int n, double k) {
        return band(x, n, -k);
    }

    /**
     * {@code ma + signedK·σ} with a rolling mean and sum of squared deviations (Welford's update
     * for a sliding window): the textbook {@code E[x²] − E[x]²} cancels catastrophically at price
     * levels around 100 with tiny spreads and can even go negative. M2 is clamped at 0 for the
     * last bit of rounding on a flat window, whose σ must be exactly 0.
     */
    private static double[] band(double[] x, int n, double signedK) {
        NanFreeRuns.requireWindow(n);
        double[] out = NanFreeRuns.nans(x.length);
        NanFreeRuns.forEach(x.length, (from, to) -> {
            double mean = 0;
            double m2 = 0;
            for (int t = from; t < to; t++) {
                int seen = t - from + 1;
                if (seen <= n) {
                    double delta = x[t] - mean;
                    mean += delta / seen;
                    m2 += delta * (x[t] - mean);
                } else {
                    double old = x[t - n];
                    double newMean = mean + (x[t] - old) / n;
                    m2 += (x[t] - old) * (x[t] - newMean + old - mean);
                    mean = newMean;
                }
                if (seen >= n) {
                    double sigma = Math.sqrt(Math.max(m2, 0) / n);
                    out[t] = mean + signedK * sigma;
                }
            }
        }, x);
        return out;
    }
}
