package io.heliox.atlas.engine.signals;

import io.heliox.atlas.engine.dsl.Action;

/**
 * The per-bar decision as one byte, so a strategy's signals over a million bars are a 1 MB
 * {@code byte[]} rather than a million enum references. {@link #NONE} means no rule held;
 * the others are a rule's {@link Action} (its ordinal + 1).
 */
public final class BarAction {

    public static final byte NONE = 0;
    public static final byte BUY = 1;
    public static final byte SELL = 2;
    public static final byte CLOSE = 3;
    public static final byte HOLD = 4;

    private BarAction() {
    }

    public static byte of(Action action) {
        return switch (action) {
            case BUY -> BUY;
            case SELL -> SELL;
            case CLOSE -> CLOSE;
            case HOLD -> HOLD;
        };
    }

    /** The DSL name ({@code buy}, …) or {@code none}, for messages and tests. */
    public static String name(byte code) {
        return code == NONE ? "none" : Action.values()[code - 1].dslName();
    }
}
