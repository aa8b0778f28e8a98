package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.time.Instant;
import java.util.Objects;

/**
 * The feed is alive (a venue's heartbeat, or a replay's tick between bars). It says nothing about
 * prices: a guard must not take it for a fresh price.
 *
 * @param instrumentId the instrument it is for, or null for the whole feed
 */
public record Heartbeat(InstrumentId instrumentId, Instant time) implements MarketData {

    public Heartbeat {
        Objects.requireNonNull(time, "time");
    }

    @Override
    public boolean isPrice() {
        return false;
    }
}
