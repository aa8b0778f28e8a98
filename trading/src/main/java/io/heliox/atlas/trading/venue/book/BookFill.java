package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A part of one of our orders traded. Instrument, fee and time are the venue's to add when it turns
 * this into an account's {@code Fill}: the book knows prices and quantities only.
 *
 * @param price    a taker's fill is at the depth's price (never worse than its limit); a maker's at its own limit
 * @param quantity positive
 */
public record BookFill(String orderId, Side side, BigDecimal price, BigDecimal quantity, Liquidity liquidity)
        implements BookEvent {

    public BookFill {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(liquidity, "liquidity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill quantity must be positive, was " + quantity);
        }
    }
}
