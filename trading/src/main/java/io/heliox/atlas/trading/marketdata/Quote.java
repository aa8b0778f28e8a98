package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The best bid and offer. Exact decimals, as order prices are: a quote is what a limit is compared with.
 *
 * @param bidSize what is shown at the bid, in the instrument's units; zero when the venue does not say
 * @param askSize what is shown at the ask; zero when the venue does not say
 */
public record Quote(InstrumentId instrumentId, BigDecimal bid, BigDecimal bidSize, BigDecimal ask, BigDecimal askSize,
                    Instant time) implements MarketData {

    public Quote {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(bidSize, "bidSize");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(askSize, "askSize");
        Objects.requireNonNull(time, "time");
        if (bid.signum() <= 0 || ask.signum() <= 0) {
            throw new IllegalArgumentException(instrumentId + ": quote prices must be positive: " + bid + " / " + ask);
        }
        if (bid.compareTo(ask) > 0) {
            throw new IllegalArgumentException(instrumentId + ": a crossed quote, bid " + bid + " above ask " + ask);
        }
        if (bidSize.signum() < 0 || askSize.signum() < 0) {
            throw new IllegalArgumentException(instrumentId + ": quote sizes must not be negative");
        }
    }

    /** Halfway between bid and ask, exact. */
    public BigDecimal mid() {
        return bid.add(ask).divide(BigDecimal.valueOf(2));
    }
}
