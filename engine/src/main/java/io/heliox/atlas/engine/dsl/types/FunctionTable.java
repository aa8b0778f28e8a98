package io.heliox.atlas.engine.dsl.types;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.heliox.atlas.engine.dsl.types.ArgKind.FACTOR;
import static io.heliox.atlas.engine.dsl.types.ArgKind.SERIES;
import static io.heliox.atlas.engine.dsl.types.ArgKind.SHIFT;
import static io.heliox.atlas.engine.dsl.types.ArgKind.WINDOW;
import static io.heliox.atlas.engine.dsl.types.Type.BOOLEAN;
import static io.heliox.atlas.engine.dsl.types.Type.NUMBER;

/**
 * The whitelist. Every function reads its inputs at the current bar and earlier only, so no
 * expression built from them can see the future; a function not listed here does not exist.
 * Semantics (warm-up, NaN, crossing) are pinned in engine/DSL.md, section "Functions".
 */
public final class FunctionTable {

    /** The longest window any function may take (about 20 years of daily bars). */
    public static final int MAX_WINDOW = 5000;

    private static final Map<String, FunctionSpec> FUNCTIONS = new LinkedHashMap<>();

    static {
        add("ma", List.of(SERIES, WINDOW), List.of("x", "n"), NUMBER, c -> c[0] - 1,
                "simple moving average of x over the last n bars");
        add("ema", List.of(SERIES, WINDOW), List.of("x", "n"), NUMBER, c -> c[0] - 1,
                "exponential moving average, alpha = 2/(n+1), seeded with ma(x, n) at its first defined bar");
        add("rsi", List.of(SERIES, WINDOW), List.of("x", "n"), NUMBER, c -> c[0],
                "Wilder's relative strength index of x over n changes, 0..100 (100 when there is no loss)");
        add("atr", List.of(WINDOW), List.of("n"), NUMBER, c -> c[0],
                "Wilder's average true range of the bars over n bars (reads high, low and the previous close)");
        add("bbands_upper", List.of(SERIES, WINDOW, FACTOR), List.of("x", "n", "k"), NUMBER, c -> c[0] - 1,
                "upper Bollinger band: ma(x, n) + k * population standard deviation of x over n bars");
        add("bbands_mid", List.of(SERIES, WINDOW), List.of("x", "n"), NUMBER, c -> c[0] - 1,
                "middle Bollinger band: ma(x, n)");
        add("bbands_lower", List.of(SERIES, WINDOW, FACTOR), List.of("x", "n", "k"), NUMBER, c -> c[0] - 1,
                "lower Bollinger band: ma(x, n) - k * population standard deviation of x over n bars");
        add("slope", List.of(SERIES, WINDOW), List.of("x", "n"), NUMBER, c -> c[0],
                "average change per bar over the last n bars: (x[t] - x[t-n]) / n");
        add("highest", List.of(SERIES, WINDOW), List.of("x", "n"), NUMBER, c -> c[0] - 1,
                "largest x over the last n bars, the current bar included");
        add("lowest", List.of(SERIES, WINDOW), List.of("x", "n"), NUMBER, c -> c[0] - 1,
                "smallest x over the last n bars, the current bar included");
        add("lag", List.of(SERIES, SHIFT), List.of("x", "k"), NUMBER, c -> c[0],
                "x as it was k bars ago (k >= 0; lag(x, 0) is x)");
        add("crossover", List.of(SERIES, SERIES), List.of("a", "b"), BOOLEAN, c -> 1,
                "true when a[t] > b[t] and a[t-1] <= b[t-1]");
        add("crossunder", List.of(SERIES, SERIES), List.of("a", "b"), BOOLEAN, c -> 1,
                "true when a[t] < b[t] and a[t-1] >= b[t-1]");
    }

    private FunctionTable() {
    }

    private static void add(String name, List<ArgKind> params, List<String> names, Type result,
                            java.util.function.ToIntFunction<int[]> lookback, String doc) {
        FUNCTIONS.put(name, new FunctionSpec(name, params, names, result, lookback, doc));
    }

    public static Optional<FunctionSpec> lookup(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    public static Collection<FunctionSpec> all() {
        return FUNCTIONS.values();
    }

    /** The listed name closest to {@code name} (edit distance <= 2), for "did you mean" hints. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(lower, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    public static Collection<String> names() {
        return FUNCTIONS.keySet();
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 40) {
            return 3;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
