package io.heliox.atlas.trading.order;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as the client sends it, before any check. The record only refuses what is not an order
 * at all (missing id, side, type, quantity or time in force); everything a client can get wrong
 * about the market's terms (a zero quantity, a price off tick, a limit on a market order) is
 * {@link OrderValidator}'s to reject with a reason, so the client hears why.
 *
 * @param clientOrderId the client's id, unique per account: a repeat is rejected, never traded twice
 * @param quantity      unsigned, in the instrument's units; the side gives the direction
 * @param limitPrice    for {@link OrderType#LIMIT} and {@link OrderType#STOP_LIMIT}, else null
 * @param stopPrice     for {@link OrderType#STOP} and {@link OrderType#STOP_LIMIT}, else null
 * @param reduceOnly    may only shrink the current position, never open or flip it
 */
public record OrderRequest(String clientOrderId, InstrumentId instrumentId, Side side, OrderType type,
                           BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice, TimeInForce timeInForce,
                           boolean reduceOnly) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }

    public static OrderRequest market(String clientOrderId, InstrumentId instrumentId, Side side, BigDecimal quantity,
                                      TimeInForce timeInForce) {
        return new OrderRequest(clientOrderId, instrumentId, side, OrderType.MARKET, quantity, null, null,
                timeInForce, false);
    }

    public static OrderRequest limit(String clientOrderId, InstrumentId instrumentId, Side side, BigDecimal quantity,
                                     BigDecimal limitPrice, TimeInForce timeInForce) {
        return new OrderRequest(clientOrderId, instrumentId, side, OrderType.LIMIT, quantity, limitPrice, null,
                timeInForce, false);
    }

    public OrderRequest withReduceOnly(boolean reduceOnly) {
        return new OrderRequest(clientOrderId, instrumentId, side, type, quantity, limitPrice, stopPrice, timeInForce,
                reduceOnly);
    }

    /** {@link #quantity()} as a signed position change. */
    public BigDecimal signedQuantity() {
        return side.signed(quantity);
    }
}
