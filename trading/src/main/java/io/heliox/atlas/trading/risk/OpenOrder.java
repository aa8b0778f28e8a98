package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A working order as risk counts it: what it may still add to a position is its remainder,
 * {@code quantity − filled}, whatever its type (a stop not yet triggered counts in full: it can
 * trigger at any moment, faster than anyone can check).
 *
 * @param quantity the order's total, what has filled included (as the venue's modify takes it)
 */
public record OpenOrder(String orderId, InstrumentId instrumentId, Side side, OrderType type,
                        TimeInForce timeInForce, BigDecimal quantity, BigDecimal filled, BigDecimal limitPrice, BigDecimal stopPrice) {

    public OpenOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(filled, "filled");
        if (filled.signum() < 0 || filled.compareTo(quantity) >= 0) {
            throw new IllegalArgumentException(orderId + ": an open order has 0 ≤ filled < quantity, got "
                    + filled + " of " + quantity);
        }
    }

    /** An order just accepted, nothing filled. */
    public static OpenOrder of(OrderRequest request) {
        return new OpenOrder(request.clientOrderId(), request.instrumentId(), request.side(), request.type(),
                request.timeInForce(), request.quantity(), BigDecimal.ZERO, request.limitPrice(), request.stopPrice());
    }

    public BigDecimal remaining() {
        return quantity.subtract(filled);
    }

    /** The order after a modify with these terms, as a request under the same id (what a denial names) */
    OrderRequest asRequest(BigDecimal newQuantity, BigDecimal newLimit, BigDecimal newStop) {
        return new OrderRequest(orderId, instrumentId, side, type, newQuantity, newLimit, newStop,
                timeInForce, false);
    }
}
