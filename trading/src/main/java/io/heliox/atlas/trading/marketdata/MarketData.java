package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.time.Instant;

/**
 * One message of a market-data feed, in the order the feed delivered it. Each carries the time the
 * market (or the replayed scenario) gave it, never the time it was read: a paper venue, a staleness
 * guard and a replayed session all run on this time, so a replay is deterministic.
 */
public sealed interface MarketData permits BarClosed, Quote, Trade, DepthUpdate, Heartbeat {

    /** The instrument this message is about; null only for a {@link Heartbeat} of the whole feed. */
    InstrumentId instrumentId();

    /** When the market said it. */
    Instant time();

    /** Whether this message is a price (a heartbeat says the feed is alive, not what anything costs). */
    default boolean isPrice() {
        return true;
    }
}
