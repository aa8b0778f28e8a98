/**
 * Orders as a client sends them ({@link io.heliox.atlas.trading.order.OrderRequest}: market, limit,
 * stop, stop-limit; GTC, IOC, FOK, DAY; reduce-only) and the one check they pass before reaching a
 * venue ({@link io.heliox.atlas.trading.order.OrderValidator}), which accepts or rejects with a
 * stable reason code ({@link io.heliox.atlas.trading.order.RejectReason}). Knows instruments and
 * calendars, not accounts.
 */
package io.heliox.atlas.trading.order;
