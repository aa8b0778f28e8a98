package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A trade the market printed (not one of ours): its price and size. */
public record Trade(InstrumentId instrumentId, BigDecimal price, BigDecimal quantity, Instant time)
        implements MarketData {

    public Trade {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(time, "time");
        if (price.signum() <= 0 || quantity.signum() <= 0) {
            throw new IllegalArgumentException(instrumentId + ": a trade needs a positive price and size: "
                    + quantity + " @ " + price);
        }
    }
}
