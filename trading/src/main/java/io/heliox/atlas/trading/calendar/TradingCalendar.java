package io.heliox.atlas.trading.calendar;

import java.time.Instant;
import java.util.Optional;

/**
 * A market's hours. "Open" always means the regular session: the only time a market order fills.
 * Sessions are half-open intervals [open, close): the open instant is open, the close instant is
 * not. Every method is a pure function of the instant, safe to share between threads.
 */
public interface TradingCalendar {

    /** The market's state at {@code t}, with the reason in words. */
    MarketStatus status(Instant t);

    default Session session(Instant t) {
        return status(t).session();
    }

    /** Whether the regular session is running at {@code t}. */
    default boolean isOpen(Instant t) {
        return status(t).isOpen();
    }

    /** Why the regular session is not running at {@code t}; empty when it is. */
    default Optional<String> closedReason(Instant t) {
        MarketStatus status = status(t);
        return status.isOpen() ? Optional.empty() : Optional.of(status.reason());
    }

    /**
     * The first instant at or after {@code t} at which the market is open: {@code t} itself when it
     * is open, else the start of the next regular session. What an order held until the open
     * waits for.
     */
    Instant nextOpen(Instant t);

    /**
     * The end of the regular session running at {@code t}, or of the next one when the market is
     * closed at {@code t}; always after {@code t}. Empty for a market that never closes.
     */
    Optional<Instant> nextClose(Instant t);
}
