package io.heliox.atlas.trading.calendar;

import java.time.Instant;
import java.util.Optional;

/** Crypto-currency markets trade around the clock, every day of the year. */
public final class CryptoCalendar implements TradingCalendar {

    private static final MarketStatus ALWAYS = MarketStatus.open("24/7");

    @Override
    public MarketStatus status(Instant t) {
        return ALWAYS;
    }

    @Override
    public Instant nextOpen(Instant t) {
        return t;
    }

    /** Never closes: always empty. */
    @Override
    public Optional<Instant> nextClose(Instant t) {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "crypto (24/7)";
    }
}
