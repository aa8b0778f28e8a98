package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;

/**
 * A stop order left the stop list and now works as a market (stop) or limit (stop-limit) order.
 *
 * @param detail what reached the stop, such as {@code last 101.00 >= stop 100.50}
 */
public record StopTriggered(String orderId, Side side, BigDecimal stopPrice, String detail) implements BookEvent {
}
