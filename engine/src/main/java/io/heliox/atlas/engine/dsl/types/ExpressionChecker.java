package io.heliox.atlas.engine.dsl.types;

import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.Loc;
import io.heliox.atlas.engine.dsl.PriceSeries;
import io.heliox.atlas.engine.dsl.Span;
import io.heliox.atlas.engine.dsl.SubCode;
import io.heliox.atlas.engine.dsl.syntax.Expr;
import io.heliox.atlas.engine.dsl.syntax.Printer;
import io.heliox.atlas.engine.indicators.ArgKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves names, checks types and function signatures, and computes each node's lookback (the
 * bars of history it needs before its first defined value). One condition at a time; every error
 * points at the characters at fault. A node that fails is typed {@code null} so that one mistake
 * does not cascade into a screen of follow-up errors.
 */
public final class ExpressionChecker {

    private final String path;
    private final Map<String, Double> params;
    private final int seriesBars;
    private final Set<String> reportedParams;
    private final List<DslError> errors = new ArrayList<>();
    private boolean seriesLengthReported;

    /** The type and the lookback of a checked node. */
    private record Typed(Type type, int lookback) {
    }

    private ExpressionChecker(String path, Map<String, Double> params, int seriesBars, Set<String> reportedParams) {
        this.path = path;
        this.reportedParams = reportedParams;
        this.params = params;
        this.seriesBars = seriesBars;
    }

    /**
     * Checks one rule condition.
     *
     * @param path       JSON pointer of the condition (e.g. /rules/0/if)
     * @param seriesBars bars of history a backtest will have; a lookback that reaches it is refused
     * @param reportedParams params already reported out of bounds: their uses are not reported again
     */
    public static List<DslError> check(Expr condition, String path, Map<String, Double> params, int seriesBars,
                                       Set<String> reportedParams) {
        ExpressionChecker checker = new ExpressionChecker(path, params, seriesBars, reportedParams);
        Typed root = checker.visit(condition);
        if (root != null && root.type() != Type.BOOLEAN) {
            checker.error(SubCode.TYPE_MISMATCH, condition.span(),
                    "the condition '" + Printer.print(condition) + "' is a number, not true/false",
                    "compare it with something, e.g. " + Printer.print(condition) + " > 0");
        }
        return checker.errors;
    }

    private Typed visit(Expr expr) {
        if (expr instanceof Expr.NumberLit) {
            return new Typed(Type.NUMBER, 0);
        }
        if (expr instanceof Expr.BoolLit) {
            return new Typed(Type.BOOLEAN, 0);
        }
        if (expr instanceof Expr.ParamRef p) {
            return param(p) == null ? null : new Typed(Type.NUMBER, 0);
        }
        if (expr instanceof Expr.Name n) {
            return name(n);
        }
        if (expr instanceof Expr.Call c) {
            return call(c);
        }
        if (expr instanceof Expr.Unary u) {
            return unary(u);
        }
        return binary((Expr.Binary) expr);
    }

    private Double param(Expr.ParamRef p) {
        Double value = params.get(p.name());
        if (value == null) {
            String known = params.isEmpty() ? "params is empty" : "params has " + String.join(", ", params.keySet());
            error(SubCode.UNDEFINED_PARAM, p.span(), "$" + p.name() + " is not defined (" + known + ")",
                    FunctionTable.closest(p.name(), params.keySet()).map(s -> "did you mean $" + s + "?")
                            .orElse("add \"" + p.name() + "\" to params"));
        }
        return value;
    }

    private Typed name(Expr.Name n) {
        if (PriceSeries.byName(n.name()).isPresent()) {
            return new Typed(Type.NUMBER, 0);
        }
        String hint;
        if (FunctionTable.lookup(n.name()).isPresent()) {
            hint = n.name() + " is a function: call it as " + FunctionTable.lookup(n.name()).get().signature();
        } else if (n.name().equals("and") || n.name().equals("or") || n.name().equals("not")) {
            hint = "remove it";
        } else {
            hint = FunctionTable.closest(n.name(), seriesNames()).map(s -> "did you mean " + s + "?")
                    .orElse("use one of " + String.join(", ", seriesNames()) + ", or a $param");
        }
        error(SubCode.UNKNOWN_SERIES, n.span(), "'" + n.name() + "' is not a price series", hint);
        return null;
    }

    private Typed call(Expr.Call c) {
        FunctionSpec spec = FunctionTable.lookup(c.function()).orElse(null);
        if (spec == null) {
            String hint;
            if (PriceSeries.byName(c.function()).isPresent()) {
                hint = c.function() + " is a price series, not a function; for an earlier bar write lag("
                        + c.function() + ", 1)";
            } else {
                hint = FunctionTable.closest(c.function(), FunctionTable.names()).map(s -> "did you mean " + s + "?")
                        .orElse("use one of " + String.join(", ", FunctionTable.names()));
            }
            error(SubCode.UNKNOWN_FUNCTION, c.nameSpan(), "'" + c.function() + "' is not a supported function", hint);
            c.args().forEach(this::visit); // still report what is wrong inside
            return null;
        }
        if (c.args().size() != spec.params().size()) {
            error(SubCode.ARITY, c.span(), c.function() + " takes " + spec.params().size() + " argument"
                            + (spec.params().size() == 1 ? "" : "s") + " " + spec.signature() + ", got " + c.args().size(),
                    "write it as " + spec.signature() + ", e.g. " + example(spec));
            return null;
        }
        boolean ok = true;
        int inputLookback = 0;
        int[] constants = new int[spec.params().size()];
        int constantCount = 0;
        for (int i = 0; i < c.args().size(); i++) {
            ArgKind kind = spec.params().get(i);
            Expr arg = c.args().get(i);
            if (kind.isConstant()) {
                Double value = constant(spec, i, arg);
                if (value == null) {
                    ok = false;
                } else {
                    constants[constantCount++] = (int) Math.round(value);
                }
                continue;
            }
            Typed typed = visit(arg);
            if (typed == null) {
                ok = false;
            } else if (typed.type() != Type.NUMBER) { // every argument kind is a number
                error(SubCode.TYPE_MISMATCH, arg.span(), "argument " + spec.paramNames().get(i) + " of " + spec.name()
                                + " must be " + kind.description() + "; '" + Printer.print(arg) + "' is true/false",
                        "pass a number series such as close or ma(close, 20)");
                ok = false;
            } else {
                inputLookback = Math.max(inputLookback, typed.lookback());
            }
        }
        if (!ok) {
            return null;
        }
        int lookback = inputLookback + spec.lookback(Arrays.copyOf(constants, constantCount));
        if (lookback >= seriesBars && !seriesLengthReported) {
            seriesLengthReported = true; // the innermost call that reaches the limit is the one to fix
            error(SubCode.WINDOW_EXCEEDS_SERIES, c.span(), "'" + Printer.print(c) + "' needs " + lookback
                            + " bars of history before its first value, but the series has " + seriesBars + " bars",
                    "use a window below " + Math.max(1, seriesBars - inputLookback - 1) + " bars");
        }
        return new Typed(spec.result(), lookback);
    }

    /** A constant argument (window, shift, factor): a literal or a $param, within its kind's range. */
    private Double constant(FunctionSpec spec, int index, Expr arg) {
        ArgKind kind = spec.params().get(index);
        String argName = spec.paramNames().get(index);
        if (arg instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.NumberLit n) {
            if (kind == ArgKind.SHIFT) {
                error(SubCode.LOOKAHEAD, arg.span(), spec.name() + " with a negative shift would read "
                        + n.text() + " bars into the future", "use a shift of 0 or more, e.g. " + spec.name() + "(x, " + n.text() + ")");
            } else {
                error(SubCode.CONSTANT_ARG, arg.span(), argName + " of " + spec.name() + " must be " + kind.description(),
                        "write " + suggestion(kind) + " instead of " + Printer.print(arg));
            }
            return null;
        }
        if (arg instanceof Expr.NumberLit n) {
            String problem = rangeProblem(kind, n.value());
            if (problem != null) {
                error(SubCode.CONSTANT_ARG, arg.span(), argName + " of " + spec.name() + " is " + n.text() + ", " + problem,
                        "write " + suggestion(kind) + " instead of " + n.text());
                return null;
            }
            return n.value();
        }
        if (arg instanceof Expr.ParamRef p) {
            Double value = param(p);
            if (value == null || reportedParams.contains(p.name())) {
                return null;
            }
            String problem = rangeProblem(kind, value);
            if (problem != null) {
                boolean future = kind == ArgKind.SHIFT && value < 0;
                error(future ? SubCode.LOOKAHEAD : SubCode.PARAM_ARG, arg.span(),
                        "$" + p.name() + " = " + format(value) + " is used as " + argName + " of " + spec.name() + ", "
                                + (future ? "a negative shift would read the future" : problem),
                        "set params." + p.name() + " to " + suggestion(kind));
                return null;
            }
            return value;
        }
        // Anything else must not be computed per bar: windows are fixed before the first bar.
        Typed typed = visit(arg);
        if (typed != null) {
            error(SubCode.CONSTANT_ARG, arg.span(), argName + " of " + spec.name() + " must be " + kind.description()
                    + ", not the expression '" + Printer.print(arg) + "'", "write " + suggestion(kind) + " or a $param");
        }
        return null;
    }

    private static String rangeProblem(ArgKind kind, double value) {
        boolean whole = value == Math.rint(value);
        return switch (kind) {
            case WINDOW -> !whole || value < 1 || value > FunctionTable.MAX_WINDOW
                    ? "but a window is a whole number from 1 to " + FunctionTable.MAX_WINDOW : null;
            case SHIFT -> !whole || value < 0 || value > FunctionTable.MAX_WINDOW
                    ? "but a shift is a whole number from 0 to " + FunctionTable.MAX_WINDOW : null;
            case FACTOR -> value <= 0 || value > 10 ? "but a factor is above 0 and at most 10" : null;
            case SERIES -> null;
        };
    }

    private static String suggestion(ArgKind kind) {
        return switch (kind) {
            case WINDOW -> "a whole number from 1 to " + FunctionTable.MAX_WINDOW + " (e.g. 20)";
            case SHIFT -> "a whole number from 0 to " + FunctionTable.MAX_WINDOW + " (e.g. 1)";
            case FACTOR -> "a number above 0 and at most 10 (e.g. 2)";
            case SERIES -> "a number series";
        };
    }

    private Typed unary(Expr.Unary u) {
        Typed operand = visit(u.operand());
        if (operand == null) {
            return null;
        }
        Type expected = u.op() == Expr.UnaryOp.NOT ? Type.BOOLEAN : Type.NUMBER;
        if (operand.type() != expected) {
            mismatch(u.operand(), u.op() == Expr.UnaryOp.NOT ? "not" : "-", expected);
            return null;
        }
        return operand;
    }

    private Typed binary(Expr.Binary b) {
        Typed left = visit(b.left());
        Typed right = visit(b.right());
        if (left == null || right == null) {
            return null;
        }
        Type operands = b.op().isLogical() ? Type.BOOLEAN : Type.NUMBER;
        if (left.type() != operands) {
            mismatch(b.left(), b.op().symbol, operands);
            return null;
        }
        if (right.type() != operands) {
            mismatch(b.right(), b.op().symbol, operands);
            return null;
        }
        if (b.op() == Expr.BinaryOp.DIV && b.right() instanceof Expr.NumberLit n && n.value() == 0) {
            error(SubCode.DIVISION_BY_ZERO, b.right().span(), "division by zero", "divide by a non-zero number");
            return null;
        }
        if (b.op() == Expr.BinaryOp.DIV && b.right() instanceof Expr.ParamRef p && Double.valueOf(0).equals(params.get(p.name()))) {
            error(SubCode.DIVISION_BY_ZERO, b.right().span(), "division by $" + p.name() + ", which is 0",
                    "set params." + p.name() + " to a non-zero number");
            return null;
        }
        Type result = b.op().isArithmetic() ? Type.NUMBER : Type.BOOLEAN;
        return new Typed(result, Math.max(left.lookback(), right.lookback()));
    }

    private void mismatch(Expr operand, String operator, Type expected) {
        String printed = Printer.print(operand);
        if (expected == Type.BOOLEAN) {
            error(SubCode.TYPE_MISMATCH, operand.span(), "'" + operator + "' needs true/false, but '" + printed
                    + "' is a number", "compare it, e.g. " + printed + " > 0");
        } else {
            error(SubCode.TYPE_MISMATCH, operand.span(), "'" + operator + "' needs numbers, but '" + printed
                    + "' is true/false", "use a number series here, such as close or ma(close, 20)");
        }
    }

    private void error(SubCode subCode, Span span, String message, String hint) {
        errors.add(DslError.of(subCode, Loc.in(path, span), message, hint));
    }

    private static List<String> seriesNames() {
        return Arrays.stream(PriceSeries.values()).map(PriceSeries::dslName).collect(Collectors.toList());
    }

    private static String example(FunctionSpec spec) {
        return spec.name() + "(" + spec.params().stream().map(k -> switch (k) {
            case SERIES -> "close";
            case WINDOW -> "20";
            case SHIFT -> "1";
            case FACTOR -> "2";
        }).collect(Collectors.joining(", ")) + ")";
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
