package io.heliox.atlas.engine.dsl.types;

import io.heliox.atlas.engine.indicators.ArgKind;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One whitelisted function: its fixed signature, its result type, how many bars it must see
 * before its first defined value (given its constant arguments), and one line of documentation.
 *
 * @param ownLookback bars of history this function needs on top of its inputs' own warm-up,
 *                    from the values of its constant arguments in declaration order
 */
public record FunctionSpec(String name, List<ArgKind> params, List<String> paramNames, Type result,
                           ToIntFunction<int[]> ownLookback, String doc) {

    public FunctionSpec {
        params = List.copyOf(params);
        paramNames = List.copyOf(paramNames);
    }

    /** The signature as a person reads it, e.g. {@code ma(x, n)}. */
    public String signature() {
        return name + "(" + String.join(", ", paramNames) + ")";
    }

    /** The bars needed before the first defined value, given the constant argument values in order. */
    public int lookback(int[] constants) {
        return ownLookback.applyAsInt(constants);
    }
}
