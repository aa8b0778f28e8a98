package io.heliox.atlas.engine.signals;

import io.heliox.atlas.engine.dsl.PriceSeries;
import io.heliox.atlas.engine.dsl.ir.IrNode;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.dsl.types.FunctionSpec;
import io.heliox.atlas.engine.dsl.types.FunctionTable;
import io.heliox.atlas.engine.indicators.ArgKind;
import io.heliox.atlas.engine.indicators.Indicator;
import io.heliox.atlas.engine.indicators.IndicatorRegistry;
import io.heliox.atlas.engine.scenario.Bars;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy's decisions one bar at a time, for a live session that sees each bar as it closes:
 * {@link #next} takes the bar and returns the same {@link BarAction} that
 * {@link SignalEvaluator#evaluate} gives that bar over the whole series. Same warm-up, same NaN
 * rules, same crossings, and the same doubles bit for bit, because each indicator's bar-by-bar
 * form ({@link Indicator#streaming}) performs its column kernel's operations in the same order.
 *
 * <p>The strategy is compiled once into a list of steps, children before parents, each distinct
 * sub-expression once (keyed by the IR node, as {@link SeriesEvaluator} keys its cache); a bar
 * runs the list once. So a bar costs O(size of the strategy), amortised, whatever the history,
 * and the memory is the indicators' windows, never the bars.
 *
 * <p>Not thread-safe; one instance per (strategy, market) run, fed bars in time order.
 */
public final class BarEvaluator {

    /** One compiled node: reads its inputs' slots and writes its own, once per bar. */
    @FunctionalInterface
    private interface Step {
        void run();
    }

    private final List<Step> steps = new ArrayList<>(); // while compiling
    private final Step[] program; // the steps in run order, inputs first
    private final Map<IrNode, Integer> numberSlots = new HashMap<>();
    private final Map<IrNode, Integer> boolSlots = new HashMap<>();
    private final double[] numbers; // each number node's value on the current bar, by slot
    private final boolean[] bools;
    private final int[] ruleSlots;
    private final byte[] ruleCodes;
    private final int warmUpBars;

    // the bar being evaluated
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private long barsSeen;

    public BarEvaluator(IrStrategy strategy) {
        List<IrStrategy.Rule> rules = strategy.rules();
        ruleSlots = new int[rules.size()];
        ruleCodes = new byte[rules.size()];
        int warmUp = 0;
        for (int r = 0; r < rules.size(); r++) {
            ruleSlots[r] = bool(rules.get(r).when());
            ruleCodes[r] = BarAction.of(rules.get(r).action());
            warmUp = Math.max(warmUp, lookback(rules.get(r).when()));
        }
        program = steps.toArray(Step[]::new);
        numbers = new double[numberSlots.size()];
        bools = new boolean[boolSlots.size()];
        warmUpBars = warmUp;
    }

    /**
     * Bars of history before every indicator of the strategy has a value (the checker's lookback:
     * {@code ma(close, 20)} needs 19, a crossing of it 20). Before that a rule over an indicator
     * cannot hold; a rule that reads only prices can hold from the first bar.
     */
    public int warmUpBars() {
        return warmUpBars;
    }

    /** Bars fed so far. */
    public long barsSeen() {
        return barsSeen;
    }

    /** The decision on the bar with these prices, the bar after the previous call's. */
    public byte next(double open, double high, double low, double close, double volume) {
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        for (Step step : program) {
            step.run();
        }
        barsSeen++;
        // the first rule that holds decides, as in SignalEvaluator (a hold vetoes the rules after it)
        for (int r = 0; r < ruleSlots.length; r++) {
            if (bools[ruleSlots[r]]) {
                return ruleCodes[r];
            }
        }
        return BarAction.NONE;
    }

    /** Bar t of a series: {@link #next} with its prices (for tests and for replaying stored bars). */
    public byte next(Bars bars, int t) {
        return next(bars.open()[t], bars.high()[t], bars.low()[t], bars.close()[t], bars.volume()[t]);
    }

    // ---- compiling -----------------------------------------------------------------------------

    /**
     * The slot of a number node, compiling it on first sight: its slot is reserved first, then its
     * inputs are compiled (their steps added), then its own step, so the list runs inputs first.
     */
    private int number(IrNode node) {
        Integer known = numberSlots.get(node);
        if (known != null) {
            return known;
        }
        int slot = numberSlots.size();
        numberSlots.put(node, slot);
        steps.add(numberStep(node, slot));
        return slot;
    }

    /** The step of a number node whose value goes to slot {@code out}. */
    private Step numberStep(IrNode node, int out) {
        if (node instanceof IrNode.Num n) {
            double value = n.value();
            return () -> numbers[out] = value;
        }
        if (node instanceof IrNode.Series s) {
            PriceSeries series = s.series();
            return () -> numbers[out] = price(series);
        }
        if (node instanceof IrNode.Neg neg) {
            int x = number(neg.operand());
            return () -> numbers[out] = -numbers[x];
        }
        if (node instanceof IrNode.Arith a) {
            int l = number(a.left());
            int r = number(a.right());
            return switch (a.op()) {
                case ADD -> () -> numbers[out] = numbers[l] + numbers[r];
                case SUB -> () -> numbers[out] = numbers[l] - numbers[r];
                case MUL -> () -> numbers[out] = numbers[l] * numbers[r];
                // DSL.md: division by 0 at run time is NaN, as in SeriesEvaluator
                case DIV -> () -> numbers[out] = numbers[r] == 0 ? Double.NaN : numbers[l] / numbers[r];
            };
        }
        if (node instanceof IrNode.Call c) {
            return indicatorStep(c, out);
        }
        throw new IllegalArgumentException("not a number node: " + node);
    }

    private Step indicatorStep(IrNode.Call c, int out) {
        Indicator indicator = IndicatorRegistry.lookup(c.function())
                .orElseThrow(() -> new IllegalArgumentException("not a number function: " + c.function()));
        List<ArgKind> kinds = indicator.params();
        int[] inputs = new int[kinds.size()];
        for (int i = 0; i < kinds.size(); i++) {
            inputs[i] = kinds.get(i) == ArgKind.SERIES ? number(c.args().get(i)) : -1;
        }
        Indicator.Step kernel = indicator.streaming().start(new Indicator.Constants() {
            @Override
            public int bars(int index) {
                return (int) constant(c.args().get(index));
            }

            @Override
            public double factor(int index) {
                return constant(c.args().get(index));
            }
        });
        Indicator.BarInputs barInputs = new Indicator.BarInputs() {
            @Override
            public double series(int index) {
                return numbers[inputs[index]];
            }

            @Override
            public double high() {
                return high;
            }

            @Override
            public double low() {
                return low;
            }

            @Override
            public double close() {
                return close;
            }
        };
        return () -> numbers[out] = kernel.next(barInputs);
    }

    /** The slot of a boolean node, compiled as {@link #number} compiles a number node. */
    private int bool(IrNode node) {
        Integer known = boolSlots.get(node);
        if (known != null) {
            return known;
        }
        int slot = boolSlots.size();
        boolSlots.put(node, slot);
        steps.add(boolStep(node, slot));
        return slot;
    }

    private Step boolStep(IrNode node, int out) {
        if (node instanceof IrNode.Bool b) {
            boolean value = b.value();
            return () -> bools[out] = value;
        }
        if (node instanceof IrNode.Compare c) {
            int l = number(c.left());
            int r = number(c.right());
            // all six comparisons are false on NaN (DSL.md): != is written as "less or greater"
            return switch (c.op()) {
                case LT -> () -> bools[out] = numbers[l] < numbers[r];
                case LE -> () -> bools[out] = numbers[l] <= numbers[r];
                case GT -> () -> bools[out] = numbers[l] > numbers[r];
                case GE -> () -> bools[out] = numbers[l] >= numbers[r];
                case EQ -> () -> bools[out] = numbers[l] == numbers[r];
                case NE -> () -> bools[out] = numbers[l] < numbers[r] || numbers[l] > numbers[r];
            };
        }
        if (node instanceof IrNode.Not not) {
            int x = bool(not.operand());
            return () -> bools[out] = !bools[x];
        }
        if (node instanceof IrNode.Logic l) {
            int[] operands = l.operands().stream().mapToInt(this::bool).toArray();
            boolean and = l.op() == IrNode.LogicOp.AND;
            return () -> {
                boolean value = bools[operands[0]];
                for (int i = 1; i < operands.length; i++) {
                    value = and ? value & bools[operands[i]] : value | bools[operands[i]];
                }
                bools[out] = value;
            };
        }
        if (node instanceof IrNode.Call c && (c.function().equals("crossover") || c.function().equals("crossunder"))) {
            return crossStep(c, c.function().equals("crossover"), out);
        }
        throw new IllegalArgumentException("not a boolean node: " + node);
    }

    /**
     * crossover: {@code a[t] > b[t] and a[t−1] <= b[t−1]}; the previous bar's values start as NaN,
     * so the first bar is false, as SeriesEvaluator's loop from bar 1 makes it.
     */
    private Step crossStep(IrNode.Call c, boolean over, int out) {
        int a = number(c.args().get(0));
        int b = number(c.args().get(1));
        return new Step() {
            private double previousA = Double.NaN;
            private double previousB = Double.NaN;

            @Override
            public void run() {
                double a0 = numbers[a];
                double b0 = numbers[b];
                bools[out] = over ? a0 > b0 && previousA <= previousB : a0 < b0 && previousA >= previousB;
                previousA = a0;
                previousB = b0;
            }
        };
    }

    private double price(PriceSeries series) {
        return switch (series) {
            case OPEN -> open;
            case HIGH -> high;
            case LOW -> low;
            case CLOSE -> close;
            case VOLUME -> volume;
        };
    }

    private static double constant(IrNode arg) {
        if (arg instanceof IrNode.Num n) {
            return n.value();
        }
        throw new IllegalArgumentException("a window, shift or factor must be a constant: " + arg);
    }

    /** The checker's lookback of a node (ExpressionChecker): its inputs' lookback plus the function's own. */
    private static int lookback(IrNode node) {
        if (node instanceof IrNode.Neg neg) {
            return lookback(neg.operand());
        }
        if (node instanceof IrNode.Not not) {
            return lookback(not.operand());
        }
        if (node instanceof IrNode.Arith a) {
            return Math.max(lookback(a.left()), lookback(a.right()));
        }
        if (node instanceof IrNode.Compare c) {
            return Math.max(lookback(c.left()), lookback(c.right()));
        }
        if (node instanceof IrNode.Logic l) {
            return l.operands().stream().mapToInt(BarEvaluator::lookback).max().orElse(0);
        }
        if (node instanceof IrNode.Call c) {
            FunctionSpec spec = FunctionTable.lookup(c.function())
                    .orElseThrow(() -> new IllegalArgumentException("not a function: " + c.function()));
            int inputs = 0;
            int[] constants = new int[c.args().size()];
            int constantCount = 0;
            for (int i = 0; i < c.args().size(); i++) {
                if (spec.params().get(i).isConstant()) {
                    constants[constantCount++] = (int) Math.round(constant(c.args().get(i)));
                } else {
                    inputs = Math.max(inputs, lookback(c.args().get(i)));
                }
            }
            return inputs + spec.lookback(Arrays.copyOf(constants, constantCount));
        }
        return 0; // a constant or a price
    }
}
