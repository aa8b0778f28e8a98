package io.heliox.atlas.trading.execution;

import io.heliox.atlas.trading.order.OrderRequest;

import java.math.BigDecimal;

/**
 * What every venue's order entry offers (the paper venue now; OANDA and Binance next), and all a
 * session may do with orders. Calls return at once; what the venue made of them arrives as
 * {@link ExecutionReport}s on the {@link ExecutionListener} the venue was given: a submit is answered
 * by {@link OrderAcknowledged} or {@link OrderRejected}, then fills, modifies and a close; a modify
 * or cancel by {@link OrderModified} or {@link OrderClosed}, or an {@link OrderRejected} saying why not.
 *
 * <p>A client order id is used once: a second submit under the same id is rejected
 * ({@code client_order_id.duplicate}), never traded twice, so a session that is unsure whether a
 * submit reached the venue can send it again safely.
 */
public interface ExecutionPort {

    void submit(OrderRequest order);

    /**
     * Changes a working order: its new total quantity (what filled included; more than that) and,
     * for orders that have them, prices (null keeps a limit or stop as it is).
     */
    void modify(String clientOrderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice);

    void cancel(String clientOrderId);

    /** What the venue holds now, for reconciliation after a restart or a lost connection. */
    VenueSnapshot snapshot();
}
