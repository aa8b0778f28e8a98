package io.heliox.atlas.engine.dsl.ir;

import io.heliox.atlas.engine.dsl.PriceSeries;
import io.heliox.atlas.engine.dsl.types.Type;

import java.util.List;

/**
 * The intermediate representation of a condition: a typed tree that says what to compute and
 * nothing about how it was written. Parameters are already substituted (the IR is what a
 * backtest executes), names are resolved, and/or are n-ary. Language-agnostic: its canonical JSON
 * ({@link CanonicalIr}) is what another engine would read.
 */
public sealed interface IrNode {

    Type type();

    record Num(double value) implements IrNode {
        public Num {
            value = value == 0.0 ? 0.0 : value; // one zero: -0.0 and 0.0 must hash alike
        }

        public Type type() {
            return Type.NUMBER;
        }
    }

    record Bool(boolean value) implements IrNode {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        public Type type() {
            return Type.BOOLEAN;
        }
    }

    record Series(PriceSeries series) implements IrNode {
        public Type type() {
            return Type.NUMBER;
        }
    }

    /** A whitelisted function; constant arguments (windows, shifts, factors) are {@link Num}s. */
    record Call(String function, List<IrNode> args, Type type) implements IrNode {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Neg(IrNode operand) implements IrNode {
        public Type type() {
            return Type.NUMBER;
        }
    }

    record Arith(ArithOp op, IrNode left, IrNode right) implements IrNode {
        public Type type() {
            return Type.NUMBER;
        }
    }

    record Compare(CompareOp op, IrNode left, IrNode right) implements IrNode {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    record Not(IrNode operand) implements IrNode {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /** and/or over two or more operands (after simplification, in canonical order). */
    record Logic(LogicOp op, List<IrNode> operands) implements IrNode {
        public Logic {
            operands = List.copyOf(operands);
        }

        public Type type() {
            return Type.BOOLEAN;
        }
    }

    enum ArithOp { ADD, SUB, MUL, DIV }

    enum CompareOp { LT, LE, GT, GE, EQ, NE }

    enum LogicOp { AND, OR }
}
