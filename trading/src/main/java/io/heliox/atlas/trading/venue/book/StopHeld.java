package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;

/** A stop or stop-limit order waits in the stop list until the market reaches its stop price. */
public record StopHeld(String orderId, Side side, BigDecimal stopPrice) implements BookEvent {
}
