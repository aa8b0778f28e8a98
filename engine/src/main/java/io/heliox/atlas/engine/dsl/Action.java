package io.heliox.atlas.engine.dsl;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a rule does when its condition holds. Rules are evaluated in order on each closed bar and
 * the first one whose condition holds decides the bar (so {@code hold} works as a veto).
 */
public enum Action {
    /** Be long: open a long when flat, reverse when short, nothing when already long. */
    BUY,
    /** Be short: open a short when flat, reverse when long, nothing when already short. */
    SELL,
    /** Be flat: exit whatever position is open. */
    CLOSE,
    /** Do nothing on this bar, and skip the rules after this one. */
    HOLD;

    public String dslName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean entersPosition() {
        return this == BUY || this == SELL;
    }

    public static Optional<Action> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.dslName().equals(name)).findFirst();
    }
}
