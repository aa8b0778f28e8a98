package io.heliox.atlas.trading.venue.book;

import java.math.BigDecimal;

/**
 * An order's terms changed. {@code keptPriority} says whether it kept its place in its level's queue
 * (a quantity decrease at the same prices) or was replaced (re-entered last, and matched again first).
 *
 * @param quantity the order's new total quantity, what has filled included
 */
public record Modified(String orderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice,
                       boolean keptPriority) implements BookEvent {
}
