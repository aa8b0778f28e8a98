package io.heliox.atlas.engine.analytics;

import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.accounting.TradeLog;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Is the score one lucky stretch or steady? The bars are cut into K contiguous folds of (almost)
 * equal length and each fold is scored on its own, then the spread of the fold scores is
 * reported. The strategy's parameters are fixed by its document, so there is no in-sample
 * re-fitting step here: every fold is out of sample for a strategy chosen before the run
 * (choosing among candidates is the synth/T0 phases' job). A round trip belongs to the fold in
 * which it closed; equity within a fold starts from the value at the end of the previous fold.
 */
public final class WalkForward {

    public static final int MIN_FOLD_BARS = 2;

    private WalkForward() {
    }

    public static Result run(BacktestRun run, int folds, double periodsPerYear) {
        int n = run.bars();
        if (folds < 2 || folds > 100) {
            throw new IllegalArgumentException("folds must be in [2, 100]: " + folds);
        }
        if (n / folds < MIN_FOLD_BARS) {
            throw new IllegalArgumentException("folds of at least " + MIN_FOLD_BARS + " bars need " + folds * MIN_FOLD_BARS
                    + " bars, the run has " + n);
        }
        double[] curve = run.equityWithStart();
        double[] position = run.position();
        TradeLog log = run.trades();
        Fold[] result = new Fold[folds];
        IntStream.range(0, folds).parallel().forEach(k -> {
            int from = (int) ((long) k * n / folds); // bars [from, to)
            int to = (int) ((long) (k + 1) * n / folds);
            double[] equity = Arrays.copyOfRange(curve, from, to + 1); // value before the fold, then its bars
            int inPosition = 0;
            for (int t = from; t < to; t++) {
                if (position[t] != 0) {
                    inPosition++;
                }
            }
            double[] pnl = new double[log.roundTripCount()];
            int trips = 0;
            for (int i = 0; i < log.roundTripCount(); i++) {
                if (log.tripExitBar(i) >= from && log.tripExitBar(i) < to) {
                    pnl[trips++] = log.tripPnl(i);
                }
            }
            boolean ruined = equity[0] <= 0;
            Metrics m = ruined ? null
                    : Metrics.of(equity, Arrays.copyOf(pnl, trips), (double) inPosition / (to - from), periodsPerYear);
            result[k] = new Fold(k, from, to, m);
        });
        return new Result(Arrays.asList(result), dispersion(result));
    }

    private static Dispersion dispersion(Fold[] folds) {
        double[] sharpe = Arrays.stream(folds).filter(f -> f.metrics != null).mapToDouble(f -> f.metrics.sharpe()).toArray();
        double[] mdd = Arrays.stream(folds).filter(f -> f.metrics != null).mapToDouble(f -> f.metrics.maxDrawdown()).toArray();
        double[] cagr = Arrays.stream(folds).filter(f -> f.metrics != null).mapToDouble(f -> f.metrics.cagr()).toArray();
        return new Dispersion(Stats.of(sharpe), Stats.of(mdd), Stats.of(cagr),
                Arrays.stream(sharpe).filter(s -> s > 0).count());
    }

    /** One fold: bars {@code [from, to)}; metrics null when the account was already ruined before it. */
    public record Fold(int index, int from, int to, Metrics metrics) {
    }

    /** @param positiveSharpeFolds folds with a Sharpe above 0: consistency at a glance */
    public record Dispersion(Stats sharpe, Stats maxDrawdown, Stats cagr, long positiveSharpeFolds) {
    }

    public record Result(java.util.List<Fold> folds, Dispersion dispersion) {
    }

    /** Mean, sample standard deviation (ddof = 1; 0 for one value), min and max; all 0 when empty. */
    public record Stats(double mean, double std, double min, double max) {
        static Stats of(double[] x) {
            if (x.length == 0) {
                return new Stats(0, 0, 0, 0);
            }
            double mean = Arrays.stream(x).sum() / x.length;
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            return new Stats(mean, x.length < 2 ? 0 : Math.sqrt(ss / (x.length - 1)),
                    Arrays.stream(x).min().getAsDouble(), Arrays.stream(x).max().getAsDouble());
        }
    }
}
