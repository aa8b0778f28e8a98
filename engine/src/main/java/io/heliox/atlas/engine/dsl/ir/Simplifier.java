package io.heliox.atlas.engine.dsl.ir;

import io.heliox.atlas.engine.dsl.ir.IrNode.Arith;
import io.heliox.atlas.engine.dsl.ir.IrNode.ArithOp;
import io.heliox.atlas.engine.dsl.ir.IrNode.Bool;
import io.heliox.atlas.engine.dsl.ir.IrNode.Call;
import io.heliox.atlas.engine.dsl.ir.IrNode.Compare;
import io.heliox.atlas.engine.dsl.ir.IrNode.Logic;
import io.heliox.atlas.engine.dsl.ir.IrNode.LogicOp;
import io.heliox.atlas.engine.dsl.ir.IrNode.Neg;
import io.heliox.atlas.engine.dsl.ir.IrNode.Not;
import io.heliox.atlas.engine.dsl.ir.IrNode.Num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites an IR tree into a smaller one that computes the same values on every bar, bottom-up.
 *
 * <p>Every rewrite must hold under the DSL's NaN rule (during warm-up a series is NaN, and any
 * comparison with NaN is false). That rule forbids some rewrites that look obvious:
 * {@code not (a < b)} is not {@code a >= b} (on a NaN bar the first is true, the second false),
 * and {@code x * 0} is not {@code 0} (NaN * 0 is NaN). Booleans are never NaN, so the boolean
 * algebra of and/or/not is safe.
 */
public final class Simplifier {

    private static final Comparator<IrNode> CANONICAL_ORDER = Comparator.comparing(CanonicalIr::json);

    private Simplifier() {
    }

    public static IrNode simplify(IrNode node) {
        if (node instanceof Call c) {
            return call(c);
        }
        if (node instanceof Neg n) {
            return neg(simplify(n.operand()));
        }
        if (node instanceof Arith a) {
            return arith(a.op(), simplify(a.left()), simplify(a.right()));
        }
        if (node instanceof Compare c) {
            return compare(c.op(), simplify(c.left()), simplify(c.right()));
        }
        if (node instanceof Not n) {
            return not(simplify(n.operand()));
        }
        if (node instanceof Logic l) {
            return logic(l.op(), l.operands().stream().map(Simplifier::simplify).toList());
        }
        return node; // Num, Bool, Series
    }

    private static IrNode call(Call c) {
        List<IrNode> args = c.args().stream().map(Simplifier::simplify).toList();
        if (c.function().equals("lag") && args.get(1) instanceof Num k && k.value() == 0) {
            return args.get(0); // lag(x, 0) is x
        }
        return new Call(c.function(), args, c.type());
    }

    private static IrNode neg(IrNode operand) {
        if (operand instanceof Num n) {
            return new Num(-n.value());
        }
        if (operand instanceof Neg inner) {
            return inner.operand();
        }
        return new Neg(operand);
    }

    private static IrNode arith(ArithOp op, IrNode left, IrNode right) {
        if (left instanceof Num l && right instanceof Num r && !(op == ArithOp.DIV && r.value() == 0)) {
            double value = switch (op) {
                case ADD -> l.value() + r.value();
                case SUB -> l.value() - r.value();
                case MUL -> l.value() * r.value();
                case DIV -> l.value() / r.value();
            };
            if (Double.isFinite(value)) {
                return new Num(value);
            }
        }
        // Identities that hold for NaN too (NaN + 0 is NaN, NaN * 1 is NaN).
        if ((op == ArithOp.ADD || op == ArithOp.SUB) && isNum(right, 0)) {
            return left;
        }
        if (op == ArithOp.ADD && isNum(left, 0)) {
            return right;
        }
        if ((op == ArithOp.MUL || op == ArithOp.DIV) && isNum(right, 1)) {
            return left;
        }
        if (op == ArithOp.MUL && isNum(left, 1)) {
            return right;
        }
        return new Arith(op, left, right);
    }

    private static IrNode compare(IrNode.CompareOp op, IrNode left, IrNode right) {
        if (left instanceof Num l && right instanceof Num r) {
            double a = l.value();
            double b = r.value();
            boolean value = switch (op) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
            return value ? Bool.TRUE : Bool.FALSE;
        }
        // x < x, x > x and x != x are false on every bar, NaN bars included; x <= x is not
        // (it is false while x is NaN), so it stays.
        if (left.equals(right) && (op == IrNode.CompareOp.LT || op == IrNode.CompareOp.GT || op == IrNode.CompareOp.NE)) {
            return Bool.FALSE;
        }
        return new Compare(op, left, right);
    }

    private static IrNode not(IrNode operand) {
        if (operand instanceof Bool b) {
            return b.value() ? Bool.FALSE : Bool.TRUE;
        }
        if (operand instanceof Not inner) {
            return inner.operand();
        }
        return new Not(operand);
    }

    private static IrNode logic(LogicOp op, List<IrNode> operands) {
        boolean identity = op == LogicOp.AND;       // x and true = x; x or false = x
        Map<String, IrNode> unique = new LinkedHashMap<>();
        List<IrNode> flat = new ArrayList<>();
        for (IrNode operand : operands) {
            if (operand instanceof Logic inner && inner.op() == op) {
                flat.addAll(inner.operands());
            } else {
                flat.add(operand);
            }
        }
        for (IrNode operand : flat) {
            if (operand instanceof Bool b) {
                if (b.value() == identity) {
                    continue;
                }
                return b; // x and false = false; x or true = true
            }
            unique.putIfAbsent(CanonicalIr.json(operand), operand);
        }
        for (IrNode operand : unique.values()) {
            if (operand instanceof Not n && unique.containsKey(CanonicalIr.json(n.operand()))) {
                return identity ? Bool.FALSE : Bool.TRUE; // x and not x; x or not x
            }
        }
        if (unique.isEmpty()) {
            return identity ? Bool.TRUE : Bool.FALSE;
        }
        if (unique.size() == 1) {
            return unique.values().iterator().next();
        }
        // and/or are commutative on booleans; a fixed order makes "a and b" and "b and a" one IR.
        List<IrNode> sorted = new ArrayList<>(unique.values());
        sorted.sort(CANONICAL_ORDER);
        return new Logic(op, sorted);
    }

    private static boolean isNum(IrNode node, double value) {
        return node instanceof Num n && n.value() == value;
    }
}
