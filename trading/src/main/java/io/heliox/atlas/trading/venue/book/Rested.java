package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;

/** An order (or what is left of it) now rests on the book at its limit, last in its level's queue. */
public record Rested(String orderId, Side side, BigDecimal price, BigDecimal remaining) implements BookEvent {
}
