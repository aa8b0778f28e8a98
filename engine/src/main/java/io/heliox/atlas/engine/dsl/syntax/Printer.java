package io.heliox.atlas.engine.dsl.syntax;

import io.heliox.atlas.engine.dsl.syntax.Expr.BinaryOp;

import java.util.stream.Collectors;

/**
 * Writes a syntax tree back as condition text in the canonical spelling: one space around binary
 * operators, ", " between arguments, and parentheses only where precedence needs them. Parsing
 * the output gives back the same tree (spans aside).
 */
public final class Printer {

    private static final int UNARY_PRECEDENCE = 6;
    private static final int NOT_PRECEDENCE = 2; // binds looser than comparison, tighter than and
    private static final int COMPARISON_PRECEDENCE = 3;

    private Printer() {
    }

    public static String print(Expr expr) {
        if (expr instanceof Expr.NumberLit n) {
            return n.text();
        }
        if (expr instanceof Expr.BoolLit b) {
            return Boolean.toString(b.value());
        }
        if (expr instanceof Expr.Name n) {
            return n.name();
        }
        if (expr instanceof Expr.ParamRef p) {
            return "$" + p.name();
        }
        if (expr instanceof Expr.Call c) {
            return c.function() + "(" + c.args().stream().map(Printer::print).collect(Collectors.joining(", ")) + ")";
        }
        if (expr instanceof Expr.Unary u) {
            if (u.op() == Expr.UnaryOp.NOT) {
                // not_expr = "not" not_expr | comparison: a nested not needs no parentheses, and/or do.
                boolean nestedNot = u.operand() instanceof Expr.Unary inner && inner.op() == Expr.UnaryOp.NOT;
                return "not " + (nestedNot ? print(u.operand()) : wrap(u.operand(), COMPARISON_PRECEDENCE, false));
            }
            return "-" + wrap(u.operand(), UNARY_PRECEDENCE, false);
        }
        return binary((Expr.Binary) expr);
    }

    private static String binary(Expr.Binary b) {
        BinaryOp op = b.op();
        // Left-associative operators: an equal-precedence child needs parentheses only on the right;
        // comparisons are not associative, so an equal-precedence child needs them on both sides.
        String left = wrap(b.left(), op.precedence, op.isComparison());
        String right = wrap(b.right(), op.precedence, true);
        return left + " " + op.symbol + " " + right;
    }

    private static String wrap(Expr child, int parentPrecedence, boolean parenthesizeEqual) {
        int childPrecedence = precedence(child);
        boolean needs = childPrecedence < parentPrecedence || (parenthesizeEqual && childPrecedence == parentPrecedence);
        String text = print(child);
        return needs ? "(" + text + ")" : text;
    }

    private static int precedence(Expr expr) {
        if (expr instanceof Expr.Binary b) {
            return b.op().precedence;
        }
        if (expr instanceof Expr.Unary u) {
            return u.op() == Expr.UnaryOp.NOT ? NOT_PRECEDENCE : UNARY_PRECEDENCE;
        }
        return Integer.MAX_VALUE;
    }
}
