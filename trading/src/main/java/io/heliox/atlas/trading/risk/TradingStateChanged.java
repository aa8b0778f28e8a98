package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.order.TradingState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The scope's own trading state changed (before kill switches: {@link KillSwitches#effectiveState}).
 * Follows from the event just before it, whose limit is the cause; changes nothing by itself.
 *
 * @param limitValue the cause's limit, or null when the change is a release (a day rolled, a limit
 *                   cleared, trading resumed)
 * @param value      the observed value that crossed it, or null as above
 */
public record TradingStateChanged(TradingState from, TradingState to, RiskLimit cause, BigDecimal limitValue,
                                  BigDecimal value, Instant at) implements RiskEvent {

    public TradingStateChanged {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
        if (from == to) {
            throw new IllegalArgumentException("a state change changes the state: " + from);
        }
    }
}
