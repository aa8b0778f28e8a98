package io.heliox.atlas.engine.indicators;

/**
 * What a function accepts in one argument position; every kind is a number. Constant kinds must
 * be a literal or a {@code $param} (never an expression), so that every window is known before
 * the first bar: that is what makes warm-up, lookback and the window-vs-series check decidable.
 * It lives with the kernels because it is also how a kernel reads an argument (a column, a bar
 * count or a multiplier), and the DSL's function table is built from {@link IndicatorRegistry}.
 */
public enum ArgKind {
    /** A number series: any numeric expression. */
    SERIES("a number series"),
    /** A bar count: whole number from 1 to the maximum window. */
    WINDOW("a window (a whole number of bars >= 1, literal or $param)"),
    /** A shift back in time: whole number from 0 to the maximum window; negative would read the future. */
    SHIFT("a shift (a whole number of bars >= 0, literal or $param)"),
    /** A positive multiplier such as a band width in standard deviations. */
    FACTOR("a factor (a number > 0 and <= 10, literal or $param)");

    private final String description;

    ArgKind(String description) {
        this.description = description;
    }

    public boolean isConstant() {
        return this != SERIES;
    }

    public String description() {
        return description;
    }
}
