package io.heliox.atlas.engine.dsl.ir;

import io.heliox.atlas.engine.dsl.PriceSeries;
import io.heliox.atlas.engine.dsl.syntax.Expr;
import io.heliox.atlas.engine.dsl.types.FunctionSpec;
import io.heliox.atlas.engine.dsl.types.FunctionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Syntax tree → IR, for a condition the checker accepted. Every {@code $param} becomes its value:
 * the IR is what will run, so two strategies that run the same computation get the same IR
 * whatever their parameters are called.
 */
public final class Lowering {

    private final Map<String, Double> params;

    private Lowering(Map<String, Double> params) {
        this.params = params;
    }

    public static IrNode lower(Expr expr, Map<String, Double> params) {
        return new Lowering(params).visit(expr);
    }

    private IrNode visit(Expr expr) {
        if (expr instanceof Expr.NumberLit n) {
            return new IrNode.Num(n.value());
        }
        if (expr instanceof Expr.BoolLit b) {
            return b.value() ? IrNode.Bool.TRUE : IrNode.Bool.FALSE;
        }
        if (expr instanceof Expr.ParamRef p) {
            return new IrNode.Num(value(p));
        }
        if (expr instanceof Expr.Name n) {
            return new IrNode.Series(PriceSeries.byName(n.name())
                    .orElseThrow(() -> new IllegalStateException("unchecked name " + n.name())));
        }
        if (expr instanceof Expr.Call c) {
            FunctionSpec spec = FunctionTable.lookup(c.function())
                    .orElseThrow(() -> new IllegalStateException("unchecked function " + c.function()));
            List<IrNode> args = new ArrayList<>();
            for (Expr arg : c.args()) {
                args.add(visit(arg));
            }
            return new IrNode.Call(spec.name(), args, spec.result());
        }
        if (expr instanceof Expr.Unary u) {
            IrNode operand = visit(u.operand());
            return u.op() == Expr.UnaryOp.NOT ? new IrNode.Not(operand) : new IrNode.Neg(operand);
        }
        Expr.Binary b = (Expr.Binary) expr;
        IrNode left = visit(b.left());
        IrNode right = visit(b.right());
        return switch (b.op()) {
            case OR -> new IrNode.Logic(IrNode.LogicOp.OR, List.of(left, right));
            case AND -> new IrNode.Logic(IrNode.LogicOp.AND, List.of(left, right));
            case LT -> new IrNode.Compare(IrNode.CompareOp.LT, left, right);
            case LE -> new IrNode.Compare(IrNode.CompareOp.LE, left, right);
            case GT -> new IrNode.Compare(IrNode.CompareOp.GT, left, right);
            case GE -> new IrNode.Compare(IrNode.CompareOp.GE, left, right);
            case EQ -> new IrNode.Compare(IrNode.CompareOp.EQ, left, right);
            case NE -> new IrNode.Compare(IrNode.CompareOp.NE, left, right);
            case ADD -> new IrNode.Arith(IrNode.ArithOp.ADD, left, right);
            case SUB -> new IrNode.Arith(IrNode.ArithOp.SUB, left, right);
            case MUL -> new IrNode.Arith(IrNode.ArithOp.MUL, left, right);
            case DIV -> new IrNode.Arith(IrNode.ArithOp.DIV, left, right);
        };
    }

    private double value(Expr.ParamRef p) {
        Double value = params.get(p.name());
        if (value == null) {
            throw new IllegalStateException("unchecked param $" + p.name());
        }
        return value;
    }
}
