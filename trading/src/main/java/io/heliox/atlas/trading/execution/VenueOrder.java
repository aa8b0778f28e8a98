package io.heliox.atlas.trading.execution;

import io.heliox.atlas.trading.order.OrderRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order the venue is working, as it reports it.
 *
 * @param order      the order as it stands (after modifies)
 * @param filled     what has traded so far
 * @param activeFrom when it may first trade
 */
public record VenueOrder(OrderRequest order, BigDecimal filled, Instant activeFrom) {

    public VenueOrder {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(filled, "filled");
        Objects.requireNonNull(activeFrom, "activeFrom");
    }

    public String clientOrderId() {
        return order.clientOrderId();
    }

    /** What is left to trade. */
    public BigDecimal leaves() {
        return order.quantity().subtract(filled);
    }
}
