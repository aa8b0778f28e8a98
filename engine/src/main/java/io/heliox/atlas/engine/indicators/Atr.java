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
}
