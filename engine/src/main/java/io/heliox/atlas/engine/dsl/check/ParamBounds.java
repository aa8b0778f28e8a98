package io.heliox.atlas.engine.dsl.check;

import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.Loc;
import io.heliox.atlas.engine.dsl.SubCode;
import io.heliox.atlas.engine.dsl.ir.CanonicalIr;
import io.heliox.atlas.engine.dsl.read.StrategyReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bounds for the parameter names strategies use by convention. A name not listed here has no
 * bounds of its own; it is still checked where it is used (a window must be a whole number of
 * bars, a shift non-negative). The table is the DSL's "known keys" of the params rule.
 */
public final class ParamBounds {

    /** Inclusive bounds; {@code whole} asks for an integer; {@code minExclusive} for "above min". */
    public record Bound(double min, double max, boolean minExclusive, boolean whole) {

        boolean admits(double v) {
            boolean aboveMin = minExclusive ? v > min : v >= min;
            return aboveMin && v <= max && (!whole || v == Math.rint(v));
        }

        String describe() {
            String kind = whole ? "a whole number " : "a number ";
            return kind + (minExclusive ? "above " : "from ") + CanonicalIr.number(min) + (minExclusive ? " and at most " : " to ")
                    + CanonicalIr.number(max);
        }
    }

    private static final Bound WINDOW = new Bound(1, 5000, false, true);
    private static final Bound SHIFT = new Bound(0, 5000, false, true);
    private static final Bound LEVEL_0_100 = new Bound(0, 100, false, false);
    private static final Bound FACTOR = new Bound(0, 10, true, false);

    public static final Map<String, Bound> KNOWN = new LinkedHashMap<>();

    static {
        for (String key : List.of("fast", "slow", "len", "length", "period", "window", "lookback", "exit_lookback",
                "entry_lookback", "atr_period", "rsi_period", "bb_period", "n")) {
            KNOWN.put(key, WINDOW);
        }
        for (String key : List.of("shift", "lag")) {
            KNOWN.put(key, SHIFT);
        }
        for (String key : List.of("oversold", "overbought", "exit_level", "entry_level", "rsi_low", "rsi_high")) {
            KNOWN.put(key, LEVEL_0_100);
        }
        for (String key : List.of("k", "mult", "bb_k", "atr_mult", "band_k")) {
            KNOWN.put(key, FACTOR);
        }
    }

    private ParamBounds() {
    }

    /** One error per known key whose value is out of its bounds; adds the key to {@code reported}. */
    public static List<DslError> check(Map<String, Double> params, Set<String> reported) {
        List<DslError> errors = new ArrayList<>();
        params.forEach((key, value) -> {
            Bound bound = KNOWN.get(key);
            if (bound != null && !bound.admits(value)) {
                reported.add(key);
                errors.add(DslError.of(SubCode.PARAM_BOUNDS, Loc.at("/params/" + StrategyReader.pointerEscape(key)),
                        "params." + key + " is " + CanonicalIr.number(value) + ", outside its bounds (" + bound.describe() + ")",
                        "set params." + key + " to " + bound.describe()));
            }
        });
        return errors;
    }
}
