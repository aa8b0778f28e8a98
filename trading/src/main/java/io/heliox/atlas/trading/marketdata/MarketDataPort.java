package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.util.Set;

/**
 * The market data of one venue, as every venue delivers it: a paper session's replay
 * ({@link BarReplayFeed}) now, OANDA's and Binance's price streams later. Consumers (the live
 * runner, the paper venue, a {@link StalenessGuard}) depend on this port only, so a session runs the
 * same on a replay as on a venue.
 *
 * <p>The contract every implementation keeps:
 * <ul>
 *   <li><b>Order.</b> For each instrument, messages arrive in non-decreasing {@link MarketData#time()}:
 *       a consumer may take the latest message as the newest without comparing times. (Across
 *       instruments nothing is promised.)</li>
 *   <li><b>One thread at a time.</b> A subscription's listener is never called concurrently with
 *       itself; the calls may come from different threads, one after the other, each seeing what the
 *       one before did (happens-before).</li>
 *   <li><b>Close means stop.</b> After {@link Subscription#close()} returns, no further message
 *       reaches the listener (see there for a close from inside the listener).</li>
 *   <li><b>The market's time.</b> Messages carry the time the market (or the replayed scenario) gave
 *       them, never the time they were read: see {@link MarketData}.</li>
 * </ul>
 */
public interface MarketDataPort {

    /**
     * Starts delivering the instruments' market data to {@code listener}.
     *
     * @throws IllegalArgumentException when {@code instruments} is empty or names an instrument this
     *                                  feed does not carry
     */
    Subscription subscribe(Set<InstrumentId> instruments, MarketDataListener listener);
}
