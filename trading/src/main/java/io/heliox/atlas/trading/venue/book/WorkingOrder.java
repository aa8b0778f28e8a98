package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;

import java.math.BigDecimal;

/**
 * One of our orders inside the book: the only mutable order state, owned by the {@link MatchingEngine}
 * and never handed out ({@link #view()} is). Only {@code filled} is counted; the remainder is computed,
 * so {@code remaining = quantity − filled} cannot drift.
 */
final class WorkingOrder {

    final String id;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    BigDecimal quantity;
    BigDecimal limitPrice;
    BigDecimal stopPrice;
    BigDecimal filled = BigDecimal.ZERO;
    BookOrderStatus status;
    long priority;

    WorkingOrder(OrderRequest request, long priority) {
        this.id = request.clientOrderId();
        this.side = request.side();
        this.type = request.type();
        this.timeInForce = request.timeInForce();
        this.quantity = request.quantity();
        this.limitPrice = request.limitPrice();
        this.stopPrice = request.stopPrice();
        this.priority = priority;
    }

    BigDecimal remaining() {
        return quantity.subtract(filled);
    }

    /** The price it may not trade worse than, or null for a market order (and a triggered stop, which works as one). */
    BigDecimal limit() {
        return type.needsLimitPrice() ? limitPrice : null;
    }

    BookOrder view() {
        return new BookOrder(id, side, type, timeInForce, quantity, filled, limitPrice, stopPrice, status, priority);
    }
}
