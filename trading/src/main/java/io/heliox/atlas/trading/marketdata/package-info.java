/**
 * Market data as every venue delivers it: closed bars, quotes, trades, depth and heartbeats
 * ({@link io.heliox.atlas.trading.marketdata.MarketData}), each stamped with the market's time.
 */
package io.heliox.atlas.trading.marketdata;
