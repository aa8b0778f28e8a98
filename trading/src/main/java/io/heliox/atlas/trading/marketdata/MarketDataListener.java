package io.heliox.atlas.trading.marketdata;

/**
 * Where a {@link MarketDataPort} delivers its messages. A subscription calls it from one thread at a
 * time, so it needs no locking of its own for one subscription's messages; it should return
 * promptly, because the feed does not deliver the next message until it has.
 */
@FunctionalInterface
public interface MarketDataListener {

    void onMarketData(MarketData message);
}
