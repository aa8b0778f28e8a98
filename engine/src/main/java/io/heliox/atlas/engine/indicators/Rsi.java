package io.heliox.atlas.engine.indicators;

/**
 * {@code rsi(x, n)}: Wilder's RSI over n changes; first value at bar n. The first average
 * gain/loss is the plain mean of the first n changes, then Wilder's smoothing
 * {@code avg = (avg·(n−1) + new)/n}. 100 when the average loss is 0 (DSL.md pins this, a
 * flat series included), so "rsi < 30" is false on a series that never falls.
 */
public final class Rsi {

    private Rsi() {
    }

    public static double[] of(double[] x, int n) {
        NanFreeRuns.requireWindow(n);
        double[] out = NanFreeRuns.nans(x.length);
        NanFreeRuns.forEach(x.length, (from, to) -> {
            double gain = 0;
            double loss = 0;
            for (int t = from + 1; t < to; t++) {
                double change = x[t] - x[t - 1];
                double up = Math.max(change, 0);
                double down = Math.max(-change, 0);
                int changes = t - from;
                if (changes <= n) {
                    gain += up;
                    loss += down;
                    if (changes < n) {
                        continue;
                    }
                    gain /= n;
                    loss /= n;
                } else {
                    gain = (gain * (n - 1) + up) / n;
                    loss = (loss * (n - 1) + down) / n;
                }
                out[t] = loss == 0 ? 100.0 : 100.0 - 100.0 / (1.0 + gain / loss);
            }
        }, x);
        return out;
    }

    /** {@code rsi(x, n)} bar by bar: {@link #of}'s sums, divisions and smoothing in its order; NaN restarts. */
    public static Indicator.Step stream(int n) {
        NanFreeRuns.requireWindow(n);
        return new Indicator.Step() {
            private int changes = -1; // changes seen in the current run (−1: no bar yet), capped at n + 1
            private double previous;
            private double gain;
            private double loss;

            @Override
            public double next(Indicator.BarInputs in) {
                double x = in.series(0);
                if (Double.isNaN(x)) {
                    changes = -1;
                    gain = 0;
                    loss = 0;
                    return Double.NaN;
                }
                double change = x - previous;
                previous = x;
                if (changes < 0) {
                    changes = 0;
                    return Double.NaN;
                }
                double up = Math.max(change, 0);
                double down = Math.max(-change, 0);
                if (changes < n) {
                    changes++;
                    gain += up;
                    loss += down;
                    if (changes < n) {
                        return Double.NaN;
                    }
                    gain /= n;
                    loss /= n;
                } else {
                    gain = (gain * (n - 1) + up) / n;
                    loss = (loss * (n - 1) + down) / n;
                }
                return loss == 0 ? 100.0 : 100.0 - 100.0 / (1.0 + gain / loss);
            }
        };
    }
}
