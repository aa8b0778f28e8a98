package io.heliox.atlas.trading.execution;

import java.time.Instant;

/**
 * What a venue tells about one of our orders, in the order it happened: acknowledged, rejected,
 * (partly) filled, modified, closed. A session's log is built from these; nothing else changes an
 * order's state.
 */
public sealed interface ExecutionReport permits OrderAcknowledged, OrderRejected, OrderFilled, OrderModified, OrderClosed {

    /** The client's id of the order this report is about. */
    String clientOrderId();

    /** When the venue said it (the venue's clock; a paper venue's is the market data's). */
    Instant time();
}
