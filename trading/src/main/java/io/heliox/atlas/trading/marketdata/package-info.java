/**
 * Market data as every venue delivers it: closed bars, quotes, trades, depth and heartbeats
 * ({@link io.heliox.atlas.trading.marketdata.MarketData}), each stamped with the market's time; the
 * port every venue's feed implements ({@link io.heliox.atlas.trading.marketdata.MarketDataPort}); a
 * paper session's feed, a scenario's bars replayed at a chosen speed
 * ({@link io.heliox.atlas.trading.marketdata.BarReplayFeed}, paced through a
 * {@link io.heliox.atlas.trading.marketdata.Pacer}); and the
 * {@link io.heliox.atlas.trading.marketdata.StalenessGuard} that decides whether prices are fresh
 * enough to trade on.
 */
package io.heliox.atlas.trading.marketdata;
