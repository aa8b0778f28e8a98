package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;

import java.math.BigDecimal;

/**
 * An order as the book holds it, at one moment (a copy: later calls do not change it).
 *
 * @param quantity the total quantity, what has filled included (a modify changes it)
 * @param filled   the sum of the order's fills
 * @param priority its time priority: lower was first; a modify that loses priority takes a new one
 */
public record BookOrder(String orderId, Side side, OrderType type, TimeInForce timeInForce, BigDecimal quantity,
                        BigDecimal filled, BigDecimal limitPrice, BigDecimal stopPrice, BookOrderStatus status,
                        long priority) {

    /** {@code quantity − filled}, always: what may still fill while the order works. */
    public BigDecimal remaining() {
        return quantity.subtract(filled);
    }
}
