package io.heliox.atlas.command.orch;

import io.heliox.atlas.engine.dsl.ir.IrNode;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How alike two strategies' logic is: Jaccard similarity of their feature sets,
 * where a feature is every compound sub-expression of the canonical IR (calls, comparisons,
 * logic, arithmetic) and every (action, condition) rule, with numbers abstracted to {@code #}.
 * So SMA 10/30 and SMA 12/40 crossovers are the same logic (1.0), and an SMA and an EMA
 * crossover share nothing but their shape (0.0). Candidates at {@value #DUPLICATE_AT} or above
 * are duplicates.
 */
public final class RuleSimilarity {

    public static final double DUPLICATE_AT = 0.6;

    private RuleSimilarity() {
    }

    public static Set<String> features(IrStrategy strategy) {
        Set<String> out = new TreeSet<>();
        for (IrStrategy.Rule rule : strategy.rules()) {
            out.add("rule " + rule.action().name().toLowerCase(Locale.ROOT) + " if " + shape(rule.when(), out));
        }
        return out;
    }

    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return (double) common / union.size();
    }

    /** The node's shape; every compound sub-node's shape is added to {@code features} on the way. */
    private static String shape(IrNode node, Set<String> features) {
        String s;
        if (node instanceof IrNode.Num) {
            return "#";
        } else if (node instanceof IrNode.Bool b) {
            return Boolean.toString(b.value());
        } else if (node instanceof IrNode.Series series) {
            return series.series().name().toLowerCase(Locale.ROOT);
        } else if (node instanceof IrNode.Call c) {
            s = c.function() + "(" + c.args().stream().map(a -> shape(a, features)).collect(Collectors.joining(",")) + ")";
        } else if (node instanceof IrNode.Neg n) {
            s = "-(" + shape(n.operand(), features) + ")";
        } else if (node instanceof IrNode.Arith a) {
            s = "(" + shape(a.left(), features) + " " + a.op() + " " + shape(a.right(), features) + ")";
        } else if (node instanceof IrNode.Compare c) {
            s = "(" + shape(c.left(), features) + " " + c.op() + " " + shape(c.right(), features) + ")";
        } else if (node instanceof IrNode.Not n) {
            s = "not(" + shape(n.operand(), features) + ")";
        } else if (node instanceof IrNode.Logic l) {
            s = l.op() + "(" + l.operands().stream().map(o -> shape(o, features)).collect(Collectors.joining(",")) + ")";
        } else {
            throw new IllegalArgumentException("unknown IR node " + node);
        }
        features.add(s);
        return s;
    }
}
