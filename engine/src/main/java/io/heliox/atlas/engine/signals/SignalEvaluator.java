package io.heliox.atlas.engine.signals;

import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.scenario.Bars;

import java.util.List;

/**
 * A strategy's decision on every bar, before any position or fill exists: for each bar, the
 * action of the first rule whose condition holds ({@link BarAction#NONE} when none does). A
 * {@code hold} rule that holds therefore vetoes the rules after it on that bar (DSL.md).
 *
 * <p>Conditions are evaluated column-wise first ({@link SeriesEvaluator}, each distinct
 * indicator once); the rule-order loop is then one pass over primitive arrays. Signals are
 * intent, not orders: position state, cooldown, risk exits and fills are the simulator's job.
 */
public final class SignalEvaluator {

    private SignalEvaluator() {
    }

    public static byte[] evaluate(IrStrategy strategy, Bars bars) {
        byte[] fused = MaCrossKernel.actions(strategy, bars); // moving-average crossings: one pass
        return fused != null ? fused : evaluate(strategy, new SeriesEvaluator(bars));
    }

    /** With a caller-owned evaluator, e.g. to share indicator columns or inspect the cache. */
    public static byte[] evaluate(IrStrategy strategy, SeriesEvaluator columns) {
        List<IrStrategy.Rule> rules = strategy.rules();
        boolean[][] when = new boolean[rules.size()][];
        byte[] codes = new byte[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            when[r] = columns.bool(rules.get(r).when());
            codes[r] = BarAction.of(rules.get(r).action());
        }
        int size = columns.size(); // zero rules still give one (empty) decision per bar
        byte[] actions = new byte[size];
        // Last rule first, each overwriting where it holds: what is left is the first rule that
        // holds. One plain loop per rule (no inner loop over rules per bar) is what the JIT
        // compiles to a branch-free select.
        for (int r = when.length - 1; r >= 0; r--) {
            boolean[] holds = when[r];
            byte code = codes[r];
            for (int t = 0; t < size; t++) {
                actions[t] = holds[t] ? code : actions[t];
            }
        }
        return actions;
    }
}
