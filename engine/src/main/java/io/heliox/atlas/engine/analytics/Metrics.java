package io.heliox.atlas.engine.analytics;

import io.heliox.atlas.engine.accounting.BacktestRun;

import java.util.Arrays;

/**
 * A backtest's scorecard, from its equity curve (one value per bar, the initial equity first)
 * and the PnL of each closed trade (net of fees and slippage). Definitions follow the reference
 * libraries (empyrical/pyfolio) so numbers can be checked against them; engine/BACKTEST.md
 * states each one, its edge cases, and why. Every field is a finite number except
 * {@link #profitFactor} and {@link #sortino}, which are {@code null} when they are unbounded.
 *
 * <p>Per-period returns are simple returns {@code r[i] = equity[i]/equity[i−1] − 1}, so an
 * equity curve of n+1 values has n returns.
 *
 * @param periodsPerYear   P, the annualization factor used by sharpe, sortino and cagr (stated
 *                         in every output, because a Sharpe without its P cannot be compared)
 * @param sharpe           mean(r) / std(r, ddof=1) · √P; 0 when std is 0 or there are fewer than 2 returns
 * @param sortino          mean(r − MAR) / sqrt(mean over ALL periods of min(r − MAR, 0)²) · √P, MAR = 0;
 *                         0 when mean and downside are both 0; {@code null} when no period lost but
 *                         the mean is positive (unbounded)
 * @param maxDrawdown      largest fall from a running peak as a positive fraction (0.25 = −25 %),
 *                         the initial equity counting as a peak; 0 when equity never falls
 * @param timeToRecovery   bars from the max-drawdown trough until equity first gets back to the
 *                         peak before it; 0 without a drawdown; −1 when it never recovers
 * @param cagr             (end/start)^(P/n) − 1 over n returns; 0 when n = 0
 * @param tailP5           5th percentile of r (linear interpolation between closest ranks, numpy's
 *                         default); 0 without returns
 * @param tailWorst1Pct    mean of the worst ⌈1 % · n⌉ returns (at least one); 0 without returns
 * @param tradeCount       closed trades
 * @param winRate          share of closed trades with PnL &gt; 0 (a zero-PnL trade is not a win); 0 without trades
 * @param profitFactor     gross profit / gross loss over closed trades; {@code null} when no trade lost
 * @param exposure         fraction of bars with a position open (from the simulator), in [0, 1]
 */
public record Metrics(double periodsPerYear, double sharpe, Double sortino, double maxDrawdown, int timeToRecovery,
                      double cagr, double tailP5, double tailWorst1Pct, int tradeCount, double winRate,
                      Double profitFactor, double exposure) {

    /** The minimum acceptable return per period in Sortino (empyrical's default). */
    public static final double MAR = 0.0;

    /** The scorecard of a simulated run: its equity from the initial cash on, its round trips, its exposure. */
    public static Metrics of(BacktestRun run, double periodsPerYear) {
        return of(run.equityWithStart(), run.trades().roundTripPnls(), run.exposure(), periodsPerYear);
    }

    /**
     * @param equity         equity at every bar, initial equity first; every value finite, the first
     *                       &gt; 0. A value &lt;= 0 is ruin: its return is −100 % (a return cannot say
     *                       more than "everything"), and later returns are 0 (nothing left to earn on)
     * @param tradePnl       PnL of each closed trade, net of costs
     * @param exposure       fraction of bars in position, in [0, 1]
     * @param periodsPerYear bars per year, e.g. 252 for daily, 252·6.5 for US hourly; &gt; 0
     */
    public static Metrics of(double[] equity, double[] tradePnl, double exposure, double periodsPerYear) {
        if (equity.length == 0) {
            throw new IllegalArgumentException("an equity curve needs at least the initial equity");
        }
        if (!(equity[0] > 0) || Double.isInfinite(equity[0])) {
            throw new IllegalArgumentException("initial equity must be finite and positive: " + equity[0]);
        }
        for (double e : equity) {
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException("equity must be finite: " + e);
            }
        }
        for (double pnl : tradePnl) {
            if (!Double.isFinite(pnl)) {
                throw new IllegalArgumentException("trade PnL must be finite: " + pnl);
            }
        }
        if (!(exposure >= 0 && exposure <= 1)) {
            throw new IllegalArgumentException("exposure must be in [0, 1]: " + exposure);
        }
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periods per year must be positive: " + periodsPerYear);
        }
        double[] r = returns(equity);
        Drawdown dd = drawdown(equity);
        return new Metrics(periodsPerYear, sharpe(r, periodsPerYear), sortino(r, periodsPerYear), dd.max, dd.recovery,
                cagr(equity, periodsPerYear), percentile(r, 0.05), worstMean(r, 0.01), tradePnl.length,
                winRate(tradePnl), profitFactor(tradePnl), exposure);
    }

    /** Simple returns of an equity curve, ruin absorbing (see {@link #of}). */
    public static double[] returns(double[] equity) {
        double[] r = new double[equity.length - 1];
        boolean ruined = false;
        for (int i = 1; i < equity.length; i++) {
            // Ruin (equity <= 0) is absorbing: −100 % on the bar it happens, 0 after it, even if
            // the curve given comes back above 0 (a ruined account has nothing left to earn on).
            r[i - 1] = ruined ? 0 : Math.max(equity[i] / equity[i - 1] - 1, -1);
            ruined |= equity[i] <= 0;
        }
        return r;
    }

    static double sharpe(double[] r, double p) {
        if (r.length < 2) {
            return 0;
        }
        double mean = mean(r);
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(ss / (r.length - 1));
        // std == 0: constant returns carry no measured risk; a ratio to zero is not a score we
        // can rank or serialize, so 0 (this is also what makes constant equity score 0).
        return std == 0 ? 0 : mean / std * Math.sqrt(p);
    }

    /**
     * empyrical's Sortino: the downside deviation averages the squared shortfalls over ALL
     * periods, not only the losing ones. The product spec's {@code mean(positive) / std(negative)} is
     * non-standard (it ignores how often losses happen) and is deliberately not used.
     */
    static Double sortino(double[] r, double p) {
        if (r.length == 0) {
            return 0.0;
        }
        double mean = 0;
        double downside = 0;
        for (double x : r) {
            double excess = x - MAR;
            mean += excess;
            double shortfall = Math.min(excess, 0);
            downside += shortfall * shortfall;
        }
        mean /= r.length;
        double dd = Math.sqrt(downside / r.length);
        if (dd == 0) {
            return mean > 0 ? null : 0.0; // no losing period: unbounded if it gained, 0 if flat
        }
        return mean / dd * Math.sqrt(p);
    }

    private record Drawdown(double max, int recovery) {
    }

    /** Peak starts at the initial equity, so a curve that only falls from its first value has MDD &gt; 0. */
    private static Drawdown drawdown(double[] equity) {
        double peak = equity[0];
        double max = 0;
        int trough = -1;
        double troughPeak = 0;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            double dd = Math.min((peak - equity[i]) / peak, 1); // ruin is a 100 % drawdown
            if (dd > max) { // strict: of equal drawdowns, the first is the one reported
                max = dd;
                trough = i;
                troughPeak = peak;
            }
        }
        if (trough < 0) {
            return new Drawdown(0, 0);
        }
        for (int i = trough + 1; i < equity.length; i++) {
            if (equity[i] >= troughPeak) {
                return new Drawdown(max, i - trough);
            }
        }
        return new Drawdown(max, -1);
    }

    static double cagr(double[] equity, double p) {
        int n = equity.length - 1;
        if (n == 0) {
            return 0;
        }
        return equity[n] <= 0 ? -1 : Math.pow(equity[n] / equity[0], p / n) - 1;
    }

    /** numpy's default ("linear", Hyndman–Fan type 7): h = (n−1)·q, interpolate between ranks ⌊h⌋ and ⌊h⌋+1. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Mean of the worst ⌈share·n⌉ values (at least one): an expected shortfall in whole periods. */
    static double worstMean(double[] values, double share) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int k = Math.max(1, (int) Math.ceil(share * sorted.length - 1e-9)); // 1e-9: 0.01·300 is 3.0000000000000004
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += sorted[i];
        }
        return sum / k;
    }

    static double winRate(double[] pnl) {
        if (pnl.length == 0) {
            return 0;
        }
        int wins = 0;
        for (double x : pnl) {
            if (x > 0) {
                wins++;
            }
        }
        return (double) wins / pnl.length;
    }

    static Double profitFactor(double[] pnl) {
        double gain = 0;
        double loss = 0;
        for (double x : pnl) {
            if (x > 0) {
                gain += x;
            } else {
                loss -= x;
            }
        }
        return loss == 0 ? null : gain / loss;
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }
}
