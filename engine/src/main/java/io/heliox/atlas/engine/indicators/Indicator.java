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
 * @param streaming   the same function fed one bar at a time (the live runner): its value on each
 *                    bar is bit for bit the column kernel's, which IndicatorStreamingTest checks for
 *                    every row; so a new indicator cannot exist for backtests only
 */
public record Indicator(String name, List<ArgKind> params, List<String> paramNames, ToIntFunction<int[]> ownLookback,
                        String doc, Kernel kernel, Streaming streaming) {

    /** The whole output column in one pass over the inputs (nothing allocated per bar). */
    @FunctionalInterface
    public interface Kernel {
        double[] compute(IndicatorArgs args);
    }

    /** Starts one call's state, its constant arguments (windows, shifts, factors) read once. */
    @FunctionalInterface
    public interface Streaming {
        Step start(Constants constants);
    }

    /**
     * One call's running state: {@link #next} takes the next bar's inputs and returns the value on
     * that bar (NaN where the column is NaN). State is what the column kernel keeps between bars,
     * never the history: O(window) memory at most, O(1) amortised work per bar.
     */
    @FunctionalInterface
    public interface Step {
        double next(BarInputs inputs);
    }

    /** A call's constant arguments by position, as {@link IndicatorArgs#bars}/{@link IndicatorArgs#factor} give them. */
    public interface Constants {
        int bars(int index);

        double factor(int index);
    }

    /** One bar's inputs of a call: its series arguments' values on this bar, and the bar's own prices. */
    public interface BarInputs {
        double series(int index);

        double high();

        double low();

        double close();
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
