package io.heliox.atlas.engine.dsl.types;

import io.heliox.atlas.engine.indicators.ArgKind;
import io.heliox.atlas.engine.indicators.Indicator;
import io.heliox.atlas.engine.indicators.IndicatorRegistry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.heliox.atlas.engine.dsl.types.Type.BOOLEAN;
import static io.heliox.atlas.engine.dsl.types.Type.NUMBER;
import static io.heliox.atlas.engine.indicators.ArgKind.SERIES;

/**
 * The whitelist: the indicators of {@link IndicatorRegistry} and the two crossings. Every
 * function reads its inputs at the current bar and earlier only, so no expression built from
 * them can see the future; a function not listed here does not exist.
 * Semantics (warm-up, NaN, crossing) are pinned in engine/DSL.md, section "Functions".
 */
public final class FunctionTable {

    /** The longest window any function may take (about 20 years of daily bars). */
    public static final int MAX_WINDOW = 5000;

    private static final Map<String, FunctionSpec> FUNCTIONS = new LinkedHashMap<>();

    static {
        // The number functions are the indicators: their names, signatures, warm-ups and docs
        // are declared once, in the registry that also holds their kernels.
        for (Indicator indicator : IndicatorRegistry.all()) {
            add(indicator.name(), indicator.params(), indicator.paramNames(), NUMBER, indicator.ownLookback(),
                    indicator.doc());
        }
        // The crossings compare two columns bar against bar; they are computed with the rules
        // (signals.SeriesEvaluator), not as indicator columns.
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
