package io.heliox.atlas.engine.indicators;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

import static io.heliox.atlas.engine.indicators.ArgKind.FACTOR;
import static io.heliox.atlas.engine.indicators.ArgKind.SERIES;
import static io.heliox.atlas.engine.indicators.ArgKind.SHIFT;
import static io.heliox.atlas.engine.indicators.ArgKind.WINDOW;

/**
 * The one place that ties a DSL function name to its kernel. The DSL's function table reads its
 * number functions from here and the evaluator dispatches through here, so a new indicator is
 * its kernel class (with its bar-by-bar form) plus one row below. The warm-up a row declares is checked against what its
 * kernel really does (IndicatorRegistryTest), and DSL.md, "Functions", states it for users.
 *
 * <p>Row order is the order the DSL lists its functions in (e.g. in "use one of …" hints).
 */
public final class IndicatorRegistry {

    private static final Map<String, Indicator> BY_NAME = new LinkedHashMap<>();

    static {
        add("ma", List.of(SERIES, WINDOW), List.of("x", "n"), c -> c[0] - 1,
                "simple moving average of x over the last n bars",
                a -> Sma.of(a.series(0), a.bars(1)),
                c -> Sma.stream(c.bars(1)));
        add("ema", List.of(SERIES, WINDOW), List.of("x", "n"), c -> c[0] - 1,
                "exponential moving average, alpha = 2/(n+1), seeded with ma(x, n) at its first defined bar",
                a -> Ema.of(a.series(0), a.bars(1)),
                c -> Ema.stream(c.bars(1)));
        add("rsi", List.of(SERIES, WINDOW), List.of("x", "n"), c -> c[0],
                "Wilder's relative strength index of x over n changes, 0..100 (100 when there is no loss)",
                a -> Rsi.of(a.series(0), a.bars(1)),
                c -> Rsi.stream(c.bars(1)));
        add("atr", List.of(WINDOW), List.of("n"), c -> c[0],
                "Wilder's average true range of the bars over n bars (reads high, low and the previous close)",
                a -> Atr.of(a.high(), a.low(), a.close(), a.bars(0)),
                c -> Atr.stream(c.bars(0)));
        add("bbands_upper", List.of(SERIES, WINDOW, FACTOR), List.of("x", "n", "k"), c -> c[0] - 1,
                "upper Bollinger band: ma(x, n) + k * population standard deviation of x over n bars",
                a -> BollingerBands.upper(a.series(0), a.bars(1), a.factor(2)),
                c -> BollingerBands.stream(c.bars(1), c.factor(2)));
        add("bbands_mid", List.of(SERIES, WINDOW), List.of("x", "n"), c -> c[0] - 1,
                "middle Bollinger band: ma(x, n)",
                a -> BollingerBands.mid(a.series(0), a.bars(1)),
                c -> Sma.stream(c.bars(1)));
        add("bbands_lower", List.of(SERIES, WINDOW, FACTOR), List.of("x", "n", "k"), c -> c[0] - 1,
                "lower Bollinger band: ma(x, n) - k * population standard deviation of x over n bars",
                a -> BollingerBands.lower(a.series(0), a.bars(1), a.factor(2)),
                c -> BollingerBands.stream(c.bars(1), -c.factor(2)));
        add("slope", List.of(SERIES, WINDOW), List.of("x", "n"), c -> c[0],
                "average change per bar over the last n bars: (x[t] - x[t-n]) / n",
                a -> Slope.of(a.series(0), a.bars(1)),
                c -> Slope.stream(c.bars(1)));
        add("highest", List.of(SERIES, WINDOW), List.of("x", "n"), c -> c[0] - 1,
                "largest x over the last n bars, the current bar included",
                a -> Highest.of(a.series(0), a.bars(1)),
                c -> SlidingExtreme.stream(c.bars(1), true));
        add("lowest", List.of(SERIES, WINDOW), List.of("x", "n"), c -> c[0] - 1,
                "smallest x over the last n bars, the current bar included",
                a -> Lowest.of(a.series(0), a.bars(1)),
                c -> SlidingExtreme.stream(c.bars(1), false));
        add("lag", List.of(SERIES, SHIFT), List.of("x", "k"), c -> c[0],
                "x as it was k bars ago (k >= 0; lag(x, 0) is x)",
                a -> Lag.of(a.series(0), a.bars(1)),
                c -> Lag.stream(c.bars(1)));
    }

    private IndicatorRegistry() {
    }

    private static void add(String name, List<ArgKind> params, List<String> names, ToIntFunction<int[]> lookback,
                            String doc, Indicator.Kernel kernel, Indicator.Streaming streaming) {
        if (BY_NAME.put(name, new Indicator(name, params, names, lookback, doc, kernel, streaming)) != null) {
            throw new IllegalStateException("two indicators named " + name);
        }
    }

    public static Optional<Indicator> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every indicator, in row order. */
    public static Collection<Indicator> all() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }
}
