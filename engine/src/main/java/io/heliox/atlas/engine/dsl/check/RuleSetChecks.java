package io.heliox.atlas.engine.dsl.check;

import io.heliox.atlas.engine.dsl.Action;
import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.Loc;
import io.heliox.atlas.engine.dsl.SubCode;
import io.heliox.atlas.engine.dsl.ir.CanonicalIr;
import io.heliox.atlas.engine.dsl.ir.IrNode;
import io.heliox.atlas.engine.dsl.read.StrategyDoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks on the rules as a whole, on their simplified IR (so "close > ma(close, 20) and true" and
 * "close > ma(close,20)" are the same condition). Rules are first-match: on each bar the first
 * rule that holds decides, so a rule after an always-true one is dead, and of two rules with the
 * same condition only the first can ever act.
 */
public final class RuleSetChecks {

    private RuleSetChecks() {
    }

    /** {@code conditions.get(i)} is the simplified IR of rule i. */
    public static List<DslError> check(StrategyDoc doc, List<IrNode> conditions) {
        List<DslError> errors = new ArrayList<>();
        Map<String, Integer> firstWithCondition = new HashMap<>();
        int alwaysTrue = -1;
        for (int i = 0; i < conditions.size(); i++) {
            IrNode when = conditions.get(i);
            StrategyDoc.RuleDoc rule = doc.rules().get(i);
            Loc loc = new Loc("/rules/" + i + "/if", 0, rule.condition().length());
            if (alwaysTrue >= 0) {
                errors.add(DslError.of(SubCode.UNREACHABLE_RULE, loc,
                        "rule " + i + " is never reached: the condition of rule " + alwaysTrue + " always holds",
                        "remove rule " + i + ", or give rule " + alwaysTrue + " a real condition"));
                continue;
            }
            if (when instanceof IrNode.Bool b && !b.value()) {
                errors.add(DslError.of(SubCode.NEVER_FIRES, loc, "the condition of rule " + i + " never holds",
                        "remove rule " + i + " or write a condition that can be true"));
                continue;
            }
            if (containsDivisionByZero(when)) {
                errors.add(DslError.of(SubCode.DIVISION_BY_ZERO, loc, "rule " + i + " divides by an expression that is always 0",
                        "divide by a non-zero number"));
                continue;
            }
            String key = CanonicalIr.json(when);
            Integer earlier = firstWithCondition.putIfAbsent(key, i);
            if (earlier != null) {
                Action first = doc.rules().get(earlier).action();
                if (first != rule.action()) {
                    errors.add(DslError.of(SubCode.CONTRADICTION, loc, "rule " + i + " says " + rule.action().dslName()
                                    + " on the same condition on which rule " + earlier + " says " + first.dslName(),
                            "remove rule " + i + " or change its condition"));
                } else {
                    errors.add(DslError.of(SubCode.UNREACHABLE_RULE, loc, "rule " + i + " repeats rule " + earlier,
                            "remove rule " + i));
                }
                continue;
            }
            if (when instanceof IrNode.Bool b && b.value()) {
                alwaysTrue = i;
            }
        }
        if (doc.rules().stream().noneMatch(r -> r.action().entersPosition())) {
            errors.add(DslError.of(SubCode.NO_ENTRY, Loc.at("/rules"), "no rule buys or sells, so the strategy never trades",
                    "add a rule with \"then\": \"buy\""));
        }
        return errors;
    }

    private static boolean containsDivisionByZero(IrNode node) {
        if (node instanceof IrNode.Arith a) {
            if (a.op() == IrNode.ArithOp.DIV && a.right() instanceof IrNode.Num n && n.value() == 0) {
                return true;
            }
            return containsDivisionByZero(a.left()) || containsDivisionByZero(a.right());
        }
        if (node instanceof IrNode.Call c) {
            return c.args().stream().anyMatch(RuleSetChecks::containsDivisionByZero);
        }
        if (node instanceof IrNode.Neg n) {
            return containsDivisionByZero(n.operand());
        }
        if (node instanceof IrNode.Not n) {
            return containsDivisionByZero(n.operand());
        }
        if (node instanceof IrNode.Compare c) {
            return containsDivisionByZero(c.left()) || containsDivisionByZero(c.right());
        }
        if (node instanceof IrNode.Logic l) {
            return l.operands().stream().anyMatch(RuleSetChecks::containsDivisionByZero);
        }
        return false;
    }
}
