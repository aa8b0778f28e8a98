package io.heliox.atlas.trading.live;

import io.heliox.atlas.engine.signals.BarAction;

import java.util.Optional;

/**
 * What a strategy's rules say on one bar: the action of the first rule that holds, or
 * {@link #NONE}. The engine's {@link BarAction} codes, as an enum a session can switch on and
 * record ({@link #dslName()} is the DSL's word, stable for events).
 */
public enum Signal {
    /** No rule holds. */
    NONE(BarAction.NONE, null),
    BUY(BarAction.BUY, Exposure.LONG),
    SELL(BarAction.SELL, Exposure.SHORT),
    CLOSE(BarAction.CLOSE, Exposure.FLAT),
    /** A hold rule holds: nothing changes on this bar, and the rules after it are not consulted. */
    HOLD(BarAction.HOLD, null);

    private final byte barAction;
    private final Exposure target;

    Signal(byte barAction, Exposure target) {
        this.barAction = barAction;
        this.target = target;
    }

    /** The engine's code for this signal, what its simulator reads per bar. */
    public byte barAction() {
        return barAction;
    }

    /** The exposure the signal asks for; empty for {@link #NONE} and {@link #HOLD}, which ask for no change. */
    public Optional<Exposure> target() {
        return Optional.ofNullable(target);
    }

    /** {@code buy}, {@code sell}, {@code close}, {@code hold} or {@code none}. */
    public String dslName() {
        return BarAction.name(barAction);
    }

    public static Signal of(byte barAction) {
        for (Signal s : values()) {
            if (s.barAction == barAction) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a bar action: " + barAction);
    }
}
