package io.heliox.atlas.engine.indicators;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A DSL function that computes a number column, as {@link IndicatorRegistry} declares it: the
 * signature the DSL checks calls against, the warm-up it promises, and the kernel that keeps
 * that promise.
 *
 * @param ownLookback bars of history the function needs on top of its inputs' own warm-up, from
 *                    the values of its constant arguments in declaration order
 */
public record Indicator(String name, List<ArgKind> params, List<String> paramNames, ToIntFunction<int[]> ownLookback,
                        String doc, Kernel kernel) {

    /** The whole output column in one pass over the inputs (nothing allocated per bar). */
    @FunctionalInterface
    public interface Kernel {
        double[] compute(IndicatorArgs args);
    }

    public Indicator {
        params = List.copyOf(params);
        paramNames = List.copyOf(paramNames);
        if (params.size() != paramNames.size()) {
            throw new IllegalArgumentException(name + ": one name per parameter");
        }
    }

    public double[] compute(IndicatorArgs args) {
        return kernel.compute(args);
    }
}
