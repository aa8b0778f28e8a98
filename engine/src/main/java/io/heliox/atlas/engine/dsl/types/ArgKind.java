package io.heliox.atlas.engine.dsl.types;

/**
 * What a function accepts in one argument position. Constant kinds must be a literal or a
 * {@code $param} (never an expression), so that every window is known before the first bar:
 * that is what makes warm-up, lookback and the window-vs-series check decidable.
 */
public enum ArgKind {
    /** A number series: any numeric expression. */
    SERIES(Type.NUMBER, "a number series"),
    /** A bar count: whole number from 1 to the maximum window. */
    WINDOW(Type.NUMBER, "a window (a whole number of bars >= 1, literal or $param)"),
    /** A shift back in time: whole number from 0 to the maximum window; negative would read the future. */
    SHIFT(Type.NUMBER, "a shift (a whole number of bars >= 0, literal or $param)"),
    /** A positive multiplier such as a band width in standard deviations. */
    FACTOR(Type.NUMBER, "a factor (a number > 0 and <= 10, literal or $param)");

    private final Type type;
    private final String description;

    ArgKind(Type type, String description) {
        this.type = type;
        this.description = description;
    }

    public Type type() {
        return type;
    }

    public boolean isConstant() {
        return this != SERIES;
    }

    public String description() {
        return description;
    }
}
