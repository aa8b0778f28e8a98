package io.heliox.atlas.engine.execution;

/**
 * Slippage per bar in basis points: {@code base_bps + k_vol · σ_t · 10⁴}, where σ_t is the
 * population standard deviation of the close-to-close simple returns in the last {@code window}
 * bars up to and including t (fewer at the start: σ over the returns there are, 0 on bar 0). It
 * reads bars ≤ t only, so a fill at bar t never pays for volatility that has not happened yet.
 */
public final class SlippageModel {

    private SlippageModel() {
    }

    /** One value per bar; constant {@code baseBps} when {@code kVol} is 0. */
    public static double[] bps(double[] close, double baseBps, double kVol, int window) {
        double[] out = new double[close.length];
        if (kVol == 0) {
            java.util.Arrays.fill(out, baseBps);
            return out;
        }
        Streaming bars = new Streaming(baseBps, kVol, window); // one definition, so a live session's is the same
        for (int t = 0; t < close.length; t++) {
            out[t] = bars.next(close[t]);
        }
        return out;
    }

    /**
     * The values bar by bar, for a live session that sees one close at a time, and for {@link #bps}:
     * holding only the last {@code window + 2} closes. Sliding sums of r and r² are safe here:
     * returns are centred near 0, so E[r²] − E[r]² does not cancel the way it would on raw prices
     * (BollingerBands uses Welford for those).
     */
    public static final class Streaming {

        private final double baseBps;
        private final double kVol;
        private final int window;
        private final double[] closes; // ring of the last window + 2 closes: a return leaving needs two
        private long t = -1;
        private double sum;
        private double sumSq;

        public Streaming(double baseBps, double kVol, int window) {
            if (window < 1) {
                throw new IllegalArgumentException("window must be at least 1, was " + window);
            }
            this.baseBps = baseBps;
            this.kVol = kVol;
            this.window = window;
            this.closes = new double[window + 2];
        }

        /** Takes the next bar's close and returns the slippage in bps at that bar. */
        public double next(double close) {
            t++;
            closes[(int) (t % closes.length)] = close;
            if (kVol == 0) {
                return baseBps;
            }
            if (t >= 1) {
                double r = close / at(t - 1) - 1;
                sum += r;
                sumSq += r * r;
            }
            long oldest = t - window;
            if (oldest >= 1) {
                double r = at(oldest) / at(oldest - 1) - 1;
                sum -= r;
                sumSq -= r * r;
            }
            long count = Math.min(t, window);
            double sigma = 0;
            if (count >= 1) {
                double mean = sum / count;
                sigma = Math.sqrt(Math.max(sumSq / count - mean * mean, 0));
            }
            return baseBps + kVol * sigma * 1e4;
        }

        private double at(long bar) {
            return closes[(int) (bar % closes.length)];
        }
    }
}
