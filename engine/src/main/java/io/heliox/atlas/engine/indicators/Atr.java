package io.heliox.atlas.engine.indicators;

/**
 * {@code atr(n)}: Wilder's average true range; first value at bar n. The true range of bar t
 * is {@code max(high−low, |high−close[t−1]|, |low−close[t−1]|)}, so it exists from bar 1:
 * the previous close is what captures an overnight gap, which high−low alone would miss.
 * First ATR = mean of the first n true ranges, then {@code (atr·(n−1) + tr)/n}.
 */
public final class Atr {

    private Atr() {
    }

    public static double[] of(double[] high, double[] low, double[] close, int n) {
        NanFreeRuns.requireWindow(n);
        double[] out = NanFreeRuns.nans(close.length);
        NanFreeRuns.forEach(close.length, (from, to) -> {
            double avg = 0;
            for (int t = from + 1; t < to; t++) {
                double tr = Math.max(high[t] - low[t],
                        Math.max(Math.abs(high[t] - close[t - 1]), Math.abs(low[t] - close[t - 1])));
                int ranges = t - from;
                if (ranges < n) {
                    avg += tr;
                } else if (ranges == n) {
                    avg = (avg + tr) / n;
                    out[t] = avg;
                } else {
                    avg = (avg * (n - 1) + tr) / n;
                    out[t] = avg;
                }
            }
        }, high, low, close);
        return out;
    }

    /** {@code atr(n)} bar by bar from the bar's own prices: {@link #of}'s true range and smoothing; NaN restarts. */
    public static Indicator.Step stream(int n) {
        NanFreeRuns.requireWindow(n);
        return new Indicator.Step() {
            private int ranges = -1; // true ranges seen in the current run (−1: no bar yet), capped at n + 1
            private double previousClose;
            private double avg;

            @Override
            public double next(Indicator.BarInputs in) {
                double high = in.high();
                double low = in.low();
                double close = in.close();
                if (Double.isNaN(high) || Double.isNaN(low) || Double.isNaN(close)) {
                    ranges = -1;
                    avg = 0;
                    return Double.NaN;
                }
                double before = previousClose;
                previousClose = close;
                if (ranges < 0) {
                    ranges = 0;
                    return Double.NaN;
                }
                double tr = Math.max(high - low, Math.max(Math.abs(high - before), Math.abs(low - before)));
                if (ranges < n) {
                    ranges++;
                    if (ranges < n) {
                        avg += tr;
                        return Double.NaN;
                    }
                    avg = (avg + tr) / n;
                    return avg;
                }
                avg = (avg * (n - 1) + tr) / n;
                return avg;
            }
        };
    }
}
