package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.time.Duration;

/**
 * What a {@link StalenessGuard} found: {@link Fresh} or {@link Stale}, nothing else (sealed), so a
 * caller not handed a fresh answer holds the reason, the age and the limit.
 */
public sealed interface Freshness permits Fresh, Stale {

    InstrumentId instrumentId();

    /** The instrument's max age: prices older than this are not traded on. */
    Duration limit();

    default boolean isFresh() {
        return this instanceof Fresh;
    }
}
