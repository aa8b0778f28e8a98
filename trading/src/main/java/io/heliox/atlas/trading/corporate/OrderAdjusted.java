package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.order.OrderRequest;

import java.time.Instant;

/**
 * An open order converted by a split, before and after: the quantity times the ratio rounded down to
 * the lot, the limit and stop prices divided by the ratio and rounded to the tick away from the market
 * (a buy limit down, a sell limit up, a buy stop up, a sell stop down), so the split never makes an
 * order fill sooner or for more than its owner asked.
 */
public record OrderAdjusted(String actionId, Instant at, OrderRequest before, OrderRequest after)
        implements CorporateActionEvent {
}
