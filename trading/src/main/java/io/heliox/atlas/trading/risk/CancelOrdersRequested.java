package io.heliox.atlas.trading.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Trading went HALTED: these open orders, oldest first, are to be cancelled. */
public record CancelOrdersRequested(List<String> orderIds, RiskLimit cause, Instant at) implements RiskEvent {

    public CancelOrdersRequested {
        orderIds = List.copyOf(orderIds);
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
    }
}
