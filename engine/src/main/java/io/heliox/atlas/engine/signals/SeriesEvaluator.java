package io.heliox.atlas.engine.signals;

import io.heliox.atlas.engine.dsl.PriceSeries;
import io.heliox.atlas.engine.dsl.ir.IrNode;
import io.heliox.atlas.engine.indicators.Indicator;
import io.heliox.atlas.engine.indicators.IndicatorArgs;
import io.heliox.atlas.engine.indicators.IndicatorRegistry;
import io.heliox.atlas.engine.scenario.Bars;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns IR expressions into whole columns over one set of bars: a number node becomes a
 * {@code double[]} (NaN where undefined), a boolean node a {@code boolean[]}. Each distinct
 * sub-expression is computed once, keyed by its canonical IR JSON, so {@code ma(close, 20)}
 * written in three rules is one pass over the bars, and so is every repeated comparison.
 *
 * <p>Column-at-a-time is the vectorbt lesson: one tight loop per node, no object per bar, and
 * the JIT sees simple array loops. The cost is one array per distinct node, which is bounded by
 * the (small) size of a strategy. Every kernel reads bar t and earlier only.
 *
 * <p>Not thread-safe; one instance per (strategy run, bars).
 */
public final class SeriesEvaluator {

    private final Bars bars;
    private final int size;
    // Keyed by the node itself: IR nodes are records (value equality), and the simplifier has
    // already put and/or operands in canonical order, so equal meaning is an equal key. (Keying by
    // CanonicalIr.json cost ~17 µs per strategy in string building: most of a 1k-bar backtest.)
    private final Map<IrNode, double[]> numbers = new HashMap<>();
    private final Map<IrNode, boolean[]> booleans = new HashMap<>();
    private int indicatorPasses;

    public SeriesEvaluator(Bars bars) {
        this.bars = bars;
        this.size = bars.size();
    }

    /** The number of bars, i.e. the length of every column. */
    public int size() {
        return size;
    }

    /** How many indicator kernels actually ran (a repeated call is served from the cache). */
    public int indicatorPasses() {
        return indicatorPasses;
    }

    /** The column of a number-typed node. The returned array is shared with the cache: read only. */
    public double[] number(IrNode node) {
        double[] cached = numbers.get(node);
        if (cached == null) {
            cached = computeNumber(node);
            numbers.put(node, cached);
        }
        return cached;
    }

    /** The column of a boolean-typed node (never NaN: a comparison with NaN is false). Read only. */
    public boolean[] bool(IrNode node) {
        boolean[] cached = booleans.get(node);
        if (cached == null) {
            cached = computeBool(node);
            booleans.put(node, cached);
        }
        return cached;
    }

    private double[] computeNumber(IrNode node) {
        if (node instanceof IrNode.Num n) {
            double[] out = new double[size];
            Arrays.fill(out, n.value());
            return out;
        }
        if (node instanceof IrNode.Series s) {
            return column(bars, s.series());
        }
        if (node instanceof IrNode.Neg neg) {
            double[] x = number(neg.operand());
            double[] out = new double[size];
            for (int t = 0; t < size; t++) {
                out[t] = -x[t];
            }
            return out;
        }
        if (node instanceof IrNode.Arith a) {
            return arith(a.op(), number(a.left()), number(a.right()));
        }
        if (node instanceof IrNode.Call c) {
            return indicator(c);
        }
        throw new IllegalArgumentException("not a number node: " + node);
    }

    private double[] arith(IrNode.ArithOp op, double[] l, double[] r) {
        double[] out = new double[size];
        switch (op) {
            case ADD -> {
                for (int t = 0; t < size; t++) {
                    out[t] = l[t] + r[t];
                }
            }
            case SUB -> {
                for (int t = 0; t < size; t++) {
                    out[t] = l[t] - r[t];
                }
            }
            case MUL -> {
                for (int t = 0; t < size; t++) {
                    out[t] = l[t] * r[t];
                }
            }
            case DIV -> {
                // DSL.md: division by 0 at run time is NaN (IEEE would give ±Infinity, and
                // "x/0 > 5" would then be true on exactly the bars where the value is meaningless).
                for (int t = 0; t < size; t++) {
                    out[t] = r[t] == 0 ? Double.NaN : l[t] / r[t];
                }
            }
        }
        return out;
    }

    private double[] indicator(IrNode.Call c) {
        Indicator indicator = IndicatorRegistry.lookup(c.function())
                .orElseThrow(() -> new IllegalArgumentException("not a number function: " + c.function()));
        indicatorPasses++;
        return indicator.compute(new CallArgs(c.args()));
    }

    /** A call's arguments as its kernel reads them; inner columns come from (and go to) the cache. */
    private final class CallArgs implements IndicatorArgs {

        private final List<IrNode> args;

        CallArgs(List<IrNode> args) {
            this.args = args;
        }

        @Override
        public double[] series(int index) {
            return number(args.get(index));
        }

        @Override
        public int bars(int index) {
            return whole(args.get(index));
        }

        @Override
        public double factor(int index) {
            return constant(args.get(index));
        }

        @Override
        public double[] high() {
            return bars.high();
        }

        @Override
        public double[] low() {
            return bars.low();
        }

        @Override
        public double[] close() {
            return bars.close();
        }
    }

    private boolean[] computeBool(IrNode node) {
        if (node instanceof IrNode.Bool b) {
            boolean[] out = new boolean[size];
            Arrays.fill(out, b.value());
            return out;
        }
        if (node instanceof IrNode.Compare c) {
            return compare(c.op(), number(c.left()), number(c.right()));
        }
        if (node instanceof IrNode.Not not) {
            boolean[] x = bool(not.operand());
            boolean[] out = new boolean[size];
            for (int t = 0; t < size; t++) {
                out[t] = !x[t];
            }
            return out;
        }
        if (node instanceof IrNode.Logic l) {
            return logic(l);
        }
        if (node instanceof IrNode.Call c && (c.function().equals("crossover") || c.function().equals("crossunder"))) {
            return cross(c, number(c.args().get(0)), number(c.args().get(1)), c.function().equals("crossover"));
        }
        throw new IllegalArgumentException("not a boolean node: " + node);
    }

    /**
     * All six comparisons are false when either side is NaN (DSL.md). Java's {@code < <= > >= ==}
     * already are; {@code !=} is true on NaN in IEEE, so it is the one written differently.
     */
    private boolean[] compare(IrNode.CompareOp op, double[] l, double[] r) {
        boolean[] out = new boolean[size];
        // one loop per operator (not a switch per bar), so each is a plain loop the JIT can vectorize
        switch (op) {
            case LT -> {
                for (int t = 0; t < size; t++) {
                    out[t] = l[t] < r[t];
                }
            }
            case LE -> {
                for (int t = 0; t < size; t++) {
                    out[t] = l[t] <= r[t];
                }
            }
            case GT -> {
                for (int t = 0; t < size; t++) {
                    out[t] = l[t] > r[t];
                }
            }
            case GE -> {
                for (int t = 0; t < size; t++) {
                    out[t] = l[t] >= r[t];
                }
            }
            case EQ -> {
                for (int t = 0; t < size; t++) {
                    out[t] = l[t] == r[t];
                }
            }
            case NE -> {
                for (int t = 0; t < size; t++) {
                    // written as "less or greater": false on NaN, unlike IEEE's !=
                    out[t] = l[t] < r[t] || l[t] > r[t];
                }
            }
        }
        return out;
    }

    private boolean[] logic(IrNode.Logic l) {
        boolean[] out = bool(l.operands().get(0)).clone();
        for (IrNode operand : l.operands().subList(1, l.operands().size())) {
            boolean[] x = bool(operand);
            if (l.op() == IrNode.LogicOp.AND) {
                for (int t = 0; t < size; t++) {
                    out[t] &= x[t];
                }
            } else {
                for (int t = 0; t < size; t++) {
                    out[t] |= x[t];
                }
            }
        }
        return out;
    }

    /**
     * crossover: {@code a[t] > b[t] and a[t−1] <= b[t−1]} (touching is not crossing; leaving a
     * touch upward is). Each comparison with NaN is false, so the first bar and every bar next to
     * a NaN is false. crossunder mirrors it: {@code a[t] < b[t] and a[t−1] >= b[t−1]}.
     */
    /**
     * One crossing column; the opposite crossing of the same pair is computed in the same pass and
     * cached (a strategy that enters on crossover usually exits on crossunder of the same two).
     */
    private boolean[] cross(IrNode.Call call, double[] a, double[] b, boolean over) {
        boolean[] up = new boolean[size];
        boolean[] down = new boolean[size];
        for (int t = 1; t < size; t++) {
            double a0 = a[t];
            double b0 = b[t];
            double a1 = a[t - 1];
            double b1 = b[t - 1];
            up[t] = a0 > b0 && a1 <= b1;
            down[t] = a0 < b0 && a1 >= b1;
        }
        IrNode.Call opposite = new IrNode.Call(over ? "crossunder" : "crossover", call.args(), call.type());
        booleans.putIfAbsent(opposite, over ? down : up);
        return over ? up : down;
    }

    /** A window or shift: the checker guarantees a whole-number constant. */
    private static int whole(IrNode arg) {
        return (int) constant(arg);
    }

    private static double constant(IrNode arg) {
        if (arg instanceof IrNode.Num n) {
            return n.value();
        }
        throw new IllegalArgumentException("a window, shift or factor must be a constant: " + arg);
    }

    /** The bars' column a price series names (shared, read only). */
    static double[] column(Bars bars, PriceSeries series) {
        return switch (series) {
            case OPEN -> bars.open();
            case HIGH -> bars.high();
            case LOW -> bars.low();
            case CLOSE -> bars.close();
            case VOLUME -> bars.volume();
        };
    }
}
