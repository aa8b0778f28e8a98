package io.heliox.atlas.engine.indicators;

/**
 * The window max/min behind {@link Highest} and {@link Lowest}: a monotonic deque of bar indices
 * (an int ring buffer, no boxing). Each bar enters and leaves it once, so O(n) total instead of
 * O(n·window) — windows go to 5000.
 */
final class SlidingExtreme {

    private SlidingExtreme() {
    }

    static double[] of(double[] x, int n, boolean max) {
        NanFreeRuns.requireWindow(n);
        double[] out = NanFreeRuns.nans(x.length);
        int[] deque = new int[Math.min(n, Math.max(x.length, 1))];
        NanFreeRuns.forEach(x.length, (from, to) -> {
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

    /**
     * The same monotonic deque bar by bar (values kept beside their bar numbers, since the inputs
     * are not kept); a NaN input empties it and starts a new run, as {@link NanFreeRuns#forEach} does.
     */
    static Indicator.Step stream(int n, boolean max) {
        NanFreeRuns.requireWindow(n);
        long[] bars = new long[n];
        double[] values = new double[n];
        return new Indicator.Step() {
            private long t; // bar number inside the current run
            private int head;
            private int size;

            @Override
            public double next(Indicator.BarInputs in) {
                double x = in.series(0);
                if (Double.isNaN(x)) {
                    t = 0;
                    head = 0;
                    size = 0;
                    return Double.NaN;
                }
                if (size > 0 && bars[head] <= t - n) { // oldest left the window
                    head = (head + 1) % n;
                    size--;
                }
                while (size > 0) {
                    double last = values[(head + size - 1) % n];
                    if (max ? last <= x : last >= x) {
                        size--;
                    } else {
                        break;
                    }
                }
                int tail = (head + size) % n;
                bars[tail] = t;
                values[tail] = x;
                size++;
                double out = t >= n - 1 ? values[head] : Double.NaN;
                t++;
                return out;
            }
        };
    }
}
