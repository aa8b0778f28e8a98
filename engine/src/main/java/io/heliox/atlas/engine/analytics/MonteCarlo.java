package io.heliox.atlas.engine.analytics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How much of a backtest's score is luck of the path: a circular block bootstrap of its
 * per-bar returns (Politis &amp; Romano's circular variant of the moving-block bootstrap).
 * Each path is n returns made of blocks of {@code blockLength} consecutive returns starting at
 * uniform random bars, wrapping around the end, so volatility clusters and short-range
 * autocorrelation inside a block survive the resampling while the order of blocks is shuffled.
 *
 * <p>Deterministic and parallel at once: path i draws from its own XoShiRo256** stream seeded
 * with {@code (seed, i)}, and writes only slot i of the result arrays, so the thread that runs it
 * and the number of cores change nothing.
 */
public final class MonteCarlo {

    public static final int MIN_BLOCK = 2;
    public static final int MAX_PATHS = 100_000;
    /** Points of the equity band; enough for a chart, and memory stays paths × 200. */
    public static final int BAND_POINTS = 200;

    private MonteCarlo() {
    }

    /**
     * @param returns     per-bar simple returns of the backtest (Metrics' definition)
     * @param paths       number of bootstrap paths, 1..{@value #MAX_PATHS}
     * @param blockLength bars per block, ≥ {@value #MIN_BLOCK}; clipped to n
     */
    public static Result run(double[] returns, int paths, int blockLength, long seed, double periodsPerYear) {
        if (paths < 1 || paths > MAX_PATHS) {
            throw new IllegalArgumentException("paths must be in [1, " + MAX_PATHS + "]: " + paths);
        }
        if (blockLength < MIN_BLOCK) {
            throw new IllegalArgumentException("blockLength must be at least " + MIN_BLOCK + ": " + blockLength);
        }
        int n = returns.length;
        int block = Math.max(1, Math.min(blockLength, n));
        int points = Math.min(BAND_POINTS, n);
        int[] bandBars = new int[points];
        for (int k = 0; k < points; k++) {
            bandBars[k] = (int) ((long) (k + 1) * n / points); // index into the equity curve (1..n)
        }
        double[] sharpe = new double[paths];
        double[] mdd = new double[paths];
        double[] pf = new double[paths];
        double[] finalGrowth = new double[paths];
        double[][] band = new double[paths][];
        IntStream.range(0, paths).parallel().forEach(i -> {
            UniformRandomProvider random = RandomSource.XO_SHI_RO_256_SS.create(new long[]{seed, i});
            // One pass over the resampled returns, read in place (no path array): growth, drawdown,
            // gains/losses and Welford's running mean/variance for the Sharpe (the same value as
            // Metrics.sharpe's two-pass form to ~1e-12, which no percentile can see).
            double[] curve = new double[points];
            double growth = 1;
            double peak = 1;
            double worst = 0;
            double gains = 0;
            double losses = 0;
            double mean = 0;
            double m2 = 0;
            int next = 0;
            int t = 0;
            while (t < n) {
                int index = random.nextInt(n);
                int end = Math.min(t + block, n);
                for (; t < end; t++) {
                    double r = returns[index];
                    index = index + 1 == n ? 0 : index + 1; // circular: a block may wrap past the last bar
                    growth = growth <= 0 ? 0 : growth * (1 + r);
                    if (growth > peak) {
                        peak = growth;
                    } else {
                        worst = Math.max(worst, Math.min((peak - growth) / peak, 1));
                    }
                    if (r > 0) {
                        gains += r;
                    } else {
                        losses -= r;
                    }
                    double delta = r - mean;
                    mean += delta / (t + 1);
                    m2 += delta * (r - mean);
                    if (next < points && bandBars[next] == t + 1) {
                        curve[next++] = growth;
                    }
                }
            }
            double std = n < 2 ? 0 : Math.sqrt(m2 / (n - 1));
            sharpe[i] = std == 0 ? 0 : mean / std * Math.sqrt(periodsPerYear);
            mdd[i] = worst;
            pf[i] = losses == 0 ? Double.POSITIVE_INFINITY : gains / losses;
            finalGrowth[i] = growth;
            band[i] = curve;
        });
        double[] p5 = new double[points];
        double[] p50 = new double[points];
        double[] p95 = new double[points];
        double[] column = new double[paths];
        for (int k = 0; k < points; k++) {
            for (int i = 0; i < paths; i++) {
                column[i] = band[i][k];
            }
            Arrays.sort(column);
            p5[k] = sortedPercentile(column, 0.05);
            p50[k] = sortedPercentile(column, 0.50);
            p95[k] = sortedPercentile(column, 0.95);
        }
        double pfP5 = Metrics.percentile(pf, 0.05);
        return new Result(paths, block, seed, Metrics.percentile(sharpe, 0.05), Metrics.percentile(sharpe, 0.5),
                Metrics.percentile(mdd, 0.95), Metrics.percentile(mdd, 0.5),
                Double.isInfinite(pfP5) || Double.isNaN(pfP5) ? null : pfP5,
                Metrics.percentile(finalGrowth, 0.05), new Band(bandBars, p5, p50, p95));
    }

    private static double sortedPercentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Percentiles over the paths (numpy's linear rule, like {@link Metrics}).
     *
     * @param profitFactorP5 5th percentile of each path's <em>return</em> profit factor (sum of
     *                       positive bar returns / sum of negative ones: bars, not trades, are what
     *                       a block bootstrap resamples); null when that percentile is unbounded
     * @param growthP5       5th percentile of final equity / initial equity
     * @param band           equity (as growth of 1) at up to {@value #BAND_POINTS} evenly spaced
     *                       bars: p5, p50 and p95 over the paths, for the chart's band
     */
    public record Result(int paths, int blockLength, long seed, double sharpeP5, double sharpeP50, double maxDrawdownP95,
                         double maxDrawdownP50, Double profitFactorP5, double growthP5, Band band) {
    }

    /** {@code bars[k]} indexes the equity curve with the initial value at 0 (so 1..n). */
    public record Band(int[] bars, double[] p5, double[] p50, double[] p95) {
    }
}
