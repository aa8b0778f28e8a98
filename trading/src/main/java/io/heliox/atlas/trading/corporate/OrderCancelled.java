package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.order.OrderRequest;

import java.time.Instant;

/** An open order a split left with nothing to trade at (quantity or a price rounded to zero), and why. */
public record OrderCancelled(String actionId, Instant at, OrderRequest order, CorporateReason reason)
        implements CorporateActionEvent {
}
