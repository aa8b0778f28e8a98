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

    /**
     * {@code ma + signedK·σ} bar by bar: {@link #band}'s Welford updates in its order, the window's
     * oldest input kept for the sliding update; NaN restarts. {@code bbands_mid} is {@link Sma#stream}.
     */
    public static Indicator.Step stream(int n, double signedK) {
        NanFreeRuns.requireWindow(n);
        double[] window = new double[n];
        return new Indicator.Step() {
            private int seen; // capped at n
            private int slot;
            private double mean;
            private double m2;

            @Override
            public double next(Indicator.BarInputs in) {
                double x = in.series(0);
                if (Double.isNaN(x)) {
                    seen = 0;
                    slot = 0;
                    mean = 0;
                    m2 = 0;
                    return Double.NaN;
                }
                if (seen < n) {
                    seen++;
                    double delta = x - mean;
                    mean += delta / seen;
                    m2 += delta * (x - mean);
                } else {
                    double old = window[slot];
                    double newMean = mean + (x - old) / n;
                    m2 += (x - old) * (x - newMean + old - mean);
                    mean = newMean;
                }
                window[slot] = x;
                slot = slot + 1 == n ? 0 : slot + 1;
                if (seen < n) {
                    return Double.NaN;
                }
                double sigma = Math.sqrt(Math.max(m2, 0) / n);
                return mean + signedK * sigma;
            }
        };
    }
}
