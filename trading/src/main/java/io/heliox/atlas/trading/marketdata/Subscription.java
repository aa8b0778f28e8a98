package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.util.Set;

/** A live subscription to a {@link MarketDataPort}: what it is for, and how to end it. */
public interface Subscription extends AutoCloseable {

    /** The instruments subscribed to (unmodifiable). */
    Set<InstrumentId> instruments();

    /**
     * Ends the subscription: once this returns, the listener receives nothing more and is not in the
     * middle of a message, except when called from the listener itself, where the message being
     * handled is the last. Idempotent, never throws.
     */
    @Override
    void close();
}
