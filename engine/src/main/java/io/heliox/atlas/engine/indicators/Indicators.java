package io.heliox.atlas.engine.indicators;

import io.heliox.atlas.engine.signals.SeriesEvaluator;

import java.util.Arrays;

/**
 * The DSL's numeric functions as kernels over whole columns: one pass, O(n), one output array,
 * nothing allocated per bar. Each kernel reads bar t and earlier only, so a value never changes
 * when later bars are appended (the no-lookahead property the signal tests check).
 *
 * <p>Warm-up follows engine/DSL.md exactly: an output is NaN until its own lookback is complete
 * (ma: n−1 bars, rsi/atr/slope: n bars, lag: k bars). A NaN <em>input</em> (an inner indicator's
 * warm-up, or a run-time division by 0) makes every window that contains it NaN. The recursive
 * kernels (ema, rsi, atr) cannot "forget" a NaN, so after one they start again as on a fresh
 * series: NaN for a full warm-up, then re-seeded. For ma, bbands, highest and lowest that restart
 * is the same thing as "a window containing NaN is NaN", which is why every windowed kernel here
 * is written for one NaN-free run and driven by {@link #forEachRun}.
 *
 * <p>crossover/crossunder are not here: they compare two columns and live with the rules
 * ({@link SeriesEvaluator}).
 */
public final class Indicators {

    private Indicators() {
    }

    /** A kernel over the NaN-free run {@code [from, to)} of its input; writes {@code out[from..to)}. */
    private interface RunKernel {
        void apply(int from, int to);
    }

    /** Calls {@code kernel} once per maximal run of bars where every given column is a number. */
    private static void forEachRun(int size, RunKernel kernel, double[]... columns) {
        if (noNaN(columns)) { // the usual case (price columns): one run, no per-bar checks in between
            if (size > 0) {
                kernel.apply(0, size);
            }
            return;
        }
        int t = 0;
        while (t < size) {
            while (t < size && anyNaN(columns, t)) {
                t++;
            }
            int from = t;
            while (t < size && !anyNaN(columns, t)) {
                t++;
            }
            if (from < t) {
                kernel.apply(from, t);
            }
        }
    }

    private static boolean noNaN(double[][] columns) {
        for (double[] c : columns) {
            for (double v : c) {
                if (v != v) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean anyNaN(double[][] columns, int t) {
        for (double[] c : columns) {
            if (Double.isNaN(c[t])) {
                return true;
            }
        }
        return false;
    }

    private static double[] nans(int size) {
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    /**
     * {@code ma(x, n)}: simple moving average of the last n bars; first value at bar n−1.
     * A running sum (add the new bar, drop the oldest) keeps it O(n) whatever the window; the
     * sum restarts at each NaN-free run, so rounding error cannot build up across NaN gaps.
     */
    public static double[] sma(double[] x, int n) {
        requireWindow(n);
        double[] out = new double[x.length];
        if (smaOneRun(x, n, out)) {
            return out;
        }
        Arrays.fill(out, Double.NaN); // some input was NaN or infinite: redo it run by run
        forEachRun(x.length, (from, to) -> {
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
    private static boolean smaOneRun(double[] x, int n, double[] out) {
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
     * {@code ema(x, n)}: α = 2/(n+1), seeded with {@code ma(x, n)} at bar n−1 (DSL.md), then
     * {@code ema[t] = ema[t−1] + α·(x[t] − ema[t−1])}. Seeding with the SMA rather than x[0]
     * is what makes the first value independent of how far back the series happens to start.
     */
    public static double[] ema(double[] x, int n) {
        requireWindow(n);
        double[] out = nans(x.length);
        double alpha = 2.0 / (n + 1);
        forEachRun(x.length, (from, to) -> {
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

    /**
     * {@code rsi(x, n)}: Wilder's RSI over n changes; first value at bar n. The first average
     * gain/loss is the plain mean of the first n changes, then Wilder's smoothing
     * {@code avg = (avg·(n−1) + new)/n}. 100 when the average loss is 0 (DSL.md pins this, a
     * flat series included), so "rsi < 30" is false on a series that never falls.
     */
    public static double[] rsi(double[] x, int n) {
        requireWindow(n);
        double[] out = nans(x.length);
        forEachRun(x.length, (from, to) -> {
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

    /**
     * {@code atr(n)}: Wilder's average true range; first value at bar n. The true range of bar t
     * is {@code max(high−low, |high−close[t−1]|, |low−close[t−1]|)}, so it exists from bar 1:
     * the previous close is what captures an overnight gap, which high−low alone would miss.
     * First ATR = mean of the first n true ranges, then {@code (atr·(n−1) + tr)/n}.
     */
    public static double[] atr(double[] high, double[] low, double[] close, int n) {
        requireWindow(n);
        double[] out = nans(close.length);
        forEachRun(close.length, (from, to) -> {
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

    /** {@code bbands_mid(x, n)}: the same as {@code ma(x, n)}. */
    public static double[] bbandsMid(double[] x, int n) {
        return sma(x, n);
    }

    /** {@code bbands_upper(x, n, k)}: {@code ma(x,n) + k·σ}, σ the population deviation over n bars. */
    public static double[] bbandsUpper(double[] x, int n, double k) {
        return band(x, n, k);
    }

    /** {@code bbands_lower(x, n, k)}: {@code ma(x,n) − k·σ}. */
    public static double[] bbandsLower(double[] x, int n, double k) {
        return band(x, n, -k);
    }

    /**
     * {@code ma + signedK·σ} with a rolling mean and sum of squared deviations (Welford's update
     * for a sliding window): the textbook {@code E[x²] − E[x]²} cancels catastrophically at price
     * levels around 100 with tiny spreads and can even go negative. M2 is clamped at 0 for the
     * last bit of rounding on a flat window, whose σ must be exactly 0.
     */
    private static double[] band(double[] x, int n, double signedK) {
        requireWindow(n);
        double[] out = nans(x.length);
        forEachRun(x.length, (from, to) -> {
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

    /** {@code slope(x, n)}: {@code (x[t] − x[t−n]) / n}; NaN for t < n or when either end is NaN. */
    public static double[] slope(double[] x, int n) {
        requireWindow(n);
        double[] out = nans(x.length);
        for (int t = n; t < x.length; t++) {
            out[t] = (x[t] - x[t - n]) / n; // NaN at either end stays NaN: IEEE arithmetic does it
        }
        return out;
    }

    /** {@code highest(x, n)}: max of the last n bars, current included; first value at bar n−1. */
    public static double[] highest(double[] x, int n) {
        return extreme(x, n, true);
    }

    /** {@code lowest(x, n)}: min of the last n bars, current included; first value at bar n−1. */
    public static double[] lowest(double[] x, int n) {
        return extreme(x, n, false);
    }

    /**
     * Sliding max/min with a monotonic deque of bar indices (an int ring buffer, no boxing): each
     * bar enters and leaves it once, so O(n) total instead of O(n·window) — windows go to 5000.
     */
    private static double[] extreme(double[] x, int n, boolean max) {
        requireWindow(n);
        double[] out = nans(x.length);
        int[] deque = new int[Math.min(n, Math.max(x.length, 1))];
        forEachRun(x.length, (from, to) -> {
            int head = 0;
            int size = 0;
            int cap = deque.length;
            for (int t = from; t < to; t++) {
                if (size > 0 && deque[head] <= t - n) { // oldest left the window
                    head = (head + 1) % cap;
                    size--;
                }
                // drop bars the new one dominates: they can never be the extreme again
                while (size > 0) {
                    double last = x[deque[(head + size - 1) % cap]];
                    if (max ? last <= x[t] : last >= x[t]) {
                        size--;
                    } else {
                        break;
                    }
                }
                deque[(head + size) % cap] = t;
                size++;
                if (t - from >= n - 1) {
                    out[t] = x[deque[head]];
                }
            }
        }, x);
        return out;
    }

    /** {@code lag(x, k)}: {@code x[t−k]}, NaN for the first k bars; {@code lag(x, 0)} is x itself (copied). */
    public static double[] lag(double[] x, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("a negative shift would read the future: " + k);
        }
        double[] out = nans(x.length);
        if (k < x.length) {
            System.arraycopy(x, 0, out, k, x.length - k);
        }
        return out;
    }

    private static void requireWindow(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a window must be at least 1 bar: " + n);
        }
    }
}
