package io.heliox.atlas.trading.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A change to an open order, as the venue's {@code MatchingEngine.modify} takes it.
 *
 * @param quantity   the new total, what has filled included
 * @param limitPrice the new limit, or null to keep it
 * @param stopPrice  the new stop, or null to keep it
 */
public record ModifyRequest(String orderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {

    public ModifyRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(quantity, "quantity");
    }
}
