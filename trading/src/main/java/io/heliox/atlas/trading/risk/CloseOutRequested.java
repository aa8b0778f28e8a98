package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.order.OrderRequest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The margin level fell below the close-out level: cancel these open orders first, then send these
 * orders, reduce-only market orders (IOC) that flatten every open position in the limits' currency,
 * by instrument id. They are risk's own orders and are sent without a pre-trade check: they reduce by
 * construction, and a close-out must not be throttled by the limits it enforces.
 *
 * <p>Their client order ids are {@code risk-closeout-<epoch ms>-<instrument>}: the same on every
 * replay, and never twice the same for one instrument at one instant.
 */
public record CloseOutRequested(List<String> cancelOrderIds, List<OrderRequest> orders, Instant at)
        implements RiskEvent {

    public CloseOutRequested {
        cancelOrderIds = List.copyOf(cancelOrderIds);
        orders = List.copyOf(orders);
        Objects.requireNonNull(at, "at");
    }
}
