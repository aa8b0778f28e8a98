package io.heliox.atlas.trading.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The venue made the change: the order's new total quantity (what filled included) and prices.
 *
 * @param limitPrice null when the order has none
 * @param stopPrice  null when the order has none
 */
public record OrderModified(String clientOrderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice,
                            Instant time) implements ExecutionReport {

    public OrderModified {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(time, "time");
    }
}
