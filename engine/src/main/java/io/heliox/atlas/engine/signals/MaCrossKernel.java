package io.heliox.atlas.engine.signals;

import io.heliox.atlas.engine.dsl.ir.IrNode;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.indicators.Sma;
import io.heliox.atlas.engine.scenario.Bars;

import java.util.List;

/**
 * A fused kernel for the most common strategy there is: rules that are all crossings
 * ({@code crossover}/{@code crossunder}) of one pair of simple moving averages of price columns,
 * e.g. {@code crossover(ma(close,10), ma(close,30)) → buy; crossunder(…) → close}.
 *
 * <p>The general path materialises two moving-average columns, two crossing columns and then
 * selects the first rule per bar: five passes and four fresh arrays for what is one pass of
 * arithmetic. Here both running sums, the crossing tests and the rule select share one loop that
 * writes only the decisions, and the two divisions per bar that bound a hand-written loop are
 * mostly avoided (see {@link #fused}), so the time is the two sums' add chains.
 *
 * <p>Same decisions, not just the same trades: the sums take the same additions in the same order
 * as {@link Sma#of} ({@code sum += x[t]; sum -= x[t−n]}, divided by n), the averages are
 * ordered exactly as their rounded quotients are, and the crossing tests are those of
 * {@link SeriesEvaluator} (a comparison with NaN is false). A NaN or an infinity
 * in an input column leaves its running sum non-finite for good; the kernel then gives up
 * ({@code null}) and the general path, which restarts the average after each gap (DSL.md), decides.
 * {@code MaCrossKernelTest} checks the equality on random series, windows and rule lists, and on
 * series built to tie in the last bit.
 */
final class MaCrossKernel {

    private MaCrossKernel() {
    }

    /** The decisions per bar, or null when the strategy is not of this shape or an input is not finite. */
    static byte[] actions(IrStrategy strategy, Bars bars) {
        List<IrStrategy.Rule> rules = strategy.rules();
        if (rules.isEmpty()) {
            return null;
        }
        IrNode fast = null;
        IrNode slow = null;
        byte onUp = BarAction.NONE;
        byte onDown = BarAction.NONE;
        for (IrStrategy.Rule rule : rules) {
            if (!(rule.when() instanceof IrNode.Call c) || c.args().size() != 2
                    || !(c.function().equals("crossover") || c.function().equals("crossunder"))) {
                return null;
            }
            if (fast == null) {
                fast = c.args().get(0);
                slow = c.args().get(1);
            } else if (!fast.equals(c.args().get(0)) || !slow.equals(c.args().get(1))) {
                return null;
            }
            // The first rule that holds wins; a crossover and a crossunder of one pair never hold
            // on the same bar, so the first rule of each kind is all that can ever be chosen.
            byte code = BarAction.of(rule.action());
            if (c.function().equals("crossover")) {
                onUp = onUp == BarAction.NONE ? code : onUp;
            } else {
                onDown = onDown == BarAction.NONE ? code : onDown;
            }
        }
        double[] a = priceColumn(fast, bars);
        double[] b = priceColumn(slow, bars);
        if (a == null || b == null) {
            return null;
        }
        return fused(a, window(fast), b, window(slow), onUp, onDown);
    }

    /** The input column of {@code ma(<price>, n)}, or null for anything else. */
    private static double[] priceColumn(IrNode node, Bars bars) {
        if (node instanceof IrNode.Call c && c.function().equals("ma") && c.args().size() == 2
                && c.args().get(0) instanceof IrNode.Series s && c.args().get(1) instanceof IrNode.Num n
                && n.value() >= 1 && n.value() == Math.rint(n.value()) && n.value() <= Integer.MAX_VALUE) {
            return SeriesEvaluator.column(bars, s.series());
        }
        return null;
    }

    private static int window(IrNode ma) {
        return (int) ((IrNode.Num) ((IrNode.Call) ma).args().get(1)).value();
    }

    // How two averages stand on a bar, as bits so that "was below or touching" is one mask test.
    // UNORDERED (a NaN average, e.g. the bar before a one-bar warm-up) is neither: no crossing.
    private static final int UNORDERED = 0;
    private static final int BELOW = 1;
    private static final int EQUAL = 2;
    private static final int ABOVE = 4;

    /**
     * The filter's margin, relative to |estimateA| + |estimateB|. With u = 2^−53 (round to
     * nearest): {@code fl(sum × fl(1/n))} is within (2u + u²) of sum/n, and {@code fl(sum/n)}
     * within u, so an estimate and the average it stands for are less than 3.01u·|estimate|
     * apart. If the estimates' gap exceeds the sum of both such distances, the averages are
     * ordered as the estimates and are not equal; 8u covers the 3.01u per side plus the rounding
     * of the gap and of this bound. Relative errors fail near underflow, hence the absolute
     * {@link Double#MIN_NORMAL} added in {@link #fused} (every absolute rounding error there is
     * below it).
     */
    private static final double FILTER = 0x1p-50;

    /**
     * Both averages by running sums, the crossing tests and the rule select in one pass.
     *
     * <p>The crossing tests need only the order of the two averages, not their values, so the
     * divisions (two per bar, which bound a plain SMA loop) are replaced by a filter, as in
     * adaptive geometric predicates: each average is estimated as {@code sum × (1/n)}, and when
     * the estimates differ by more than their error bound ({@link #FILTER}) the order of the
     * estimates is the order of the exactly rounded averages {@code sum / n}. Otherwise (the
     * averages equal or within a few ulps, or a value near underflow, infinite or NaN) both
     * divisions are done and compared as the column path compares them. So the decisions are
     * those of {@code fl(sum/n)} on every bar, and a bar costs the two add chains.
     */
    static byte[] fused(double[] x, int n, double[] y, int m, byte onUp, byte onDown) {
        int size = x.length;
        byte[] actions = new byte[size];
        // Warm-up: until both averages exist on this bar and the one before, nothing can cross.
        int first = Math.min(Math.max(n, m), size);
        double sumX = 0;
        double sumY = 0;
        for (int t = 0; t < first; t++) {
            sumX += x[t];
            if (t >= n) {
                sumX -= x[t - n];
            }
            sumY += y[t];
            if (t >= m) {
                sumY -= y[t - m];
            }
        }
        int previous = relation(first >= 1 && first - 1 >= n - 1 ? sumX / n : Double.NaN,
                first >= 1 && first - 1 >= m - 1 ? sumY / m : Double.NaN);
        double inverseN = 1.0 / n;
        double inverseM = 1.0 / m;
        for (int t = first; t < size; t++) {
            sumX += x[t];
            sumX -= x[t - n];
            sumY += y[t];
            sumY -= y[t - m];
            double estimateA = sumX * inverseN;
            double estimateB = sumY * inverseM;
            double gap = estimateA - estimateB;
            int now;
            if (Math.abs(gap) > FILTER * (Math.abs(estimateA) + Math.abs(estimateB)) + Double.MIN_NORMAL) {
                now = gap > 0 ? ABOVE : BELOW;
            } else { // too close to call (or not finite): the exact averages decide
                now = relation(sumX / n, sumY / m);
            }
            boolean up = now == ABOVE && (previous & (BELOW | EQUAL)) != 0;
            boolean down = now == BELOW && (previous & (EQUAL | ABOVE)) != 0;
            if (up | down) { // rare: the array is NONE already, so most bars store nothing
                actions[t] = up ? onUp : onDown;
            }
            previous = now;
        }
        return Double.isFinite(sumX) && Double.isFinite(sumY) ? actions : null;
    }

    /** The order of two averages with IEEE comparisons, as {@link SeriesEvaluator} compares them. */
    private static int relation(double a, double b) {
        return a > b ? ABOVE : a < b ? BELOW : a == b ? EQUAL : UNORDERED;
    }
}
