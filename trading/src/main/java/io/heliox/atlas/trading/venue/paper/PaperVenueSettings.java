package io.heliox.atlas.trading.venue.paper;

import java.time.Duration;
import java.util.Objects;

/**
 * How a paper venue behaves.
 *
 * @param fills       how orders fill from bars
 * @param latency     how long acknowledgements and fills take, in market time
 * @param maxPriceAge how old the last price may be for an order that must trade now (market, IOC,
 *                    FOK) to be taken: older, and it is rejected with {@code marketdata.stale}
 */
public record PaperVenueSettings(FillModel fills, Latency latency, Duration maxPriceAge) {

    public PaperVenueSettings {
        Objects.requireNonNull(fills, "fills");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(maxPriceAge, "maxPriceAge");
        if (maxPriceAge.isNegative() || maxPriceAge.isZero()) {
            throw new IllegalArgumentException("the largest price age must be positive, was " + maxPriceAge);
        }
    }
}
