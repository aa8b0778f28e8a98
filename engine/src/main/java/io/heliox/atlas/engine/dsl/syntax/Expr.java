package io.heliox.atlas.engine.dsl.syntax;

import io.heliox.atlas.engine.dsl.Span;

import java.util.List;

/**
 * The syntax tree of one condition, exactly as written (names not yet resolved, nothing folded),
 * every node with the characters it came from so that any later check can point at them.
 */
public sealed interface Expr {

    Span span();

    /** A decimal literal; {@code text} is kept so that the printer writes back what was read. */
    record NumberLit(double value, String text, Span span) implements Expr {
    }

    record BoolLit(boolean value, Span span) implements Expr {
    }

    /** A bare name: a price series if it is one, an error otherwise (resolved by the checker). */
    record Name(String name, Span span) implements Expr {
    }

    /** {@code $name}; {@code name} is without the dollar. */
    record ParamRef(String name, Span span) implements Expr {
    }

    record Call(String function, Span nameSpan, List<Expr> args, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {
    }

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {
    }

    enum UnaryOp { NEG, NOT }

    /** Binary operators with their spelling and binding strength (higher binds tighter). */
    enum BinaryOp {
        OR("or", 1), AND("and", 2),
        LT("<", 3), LE("<=", 3), GT(">", 3), GE(">=", 3), EQ("==", 3), NE("!=", 3),
        ADD("+", 4), SUB("-", 4), MUL("*", 5), DIV("/", 5);

        public final String symbol;
        public final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public boolean isComparison() {
            return precedence == 3;
        }

        public boolean isLogical() {
            return precedence <= 2;
        }

        public boolean isArithmetic() {
            return precedence >= 4;
        }
    }
}
