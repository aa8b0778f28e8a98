package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One price level of the order book as the market now shows it: the quantity displayed at
 * {@code price} on {@code side} (the bids are {@link Side#BUY}), replacing what was there; zero
 * removes the level.
 */
public record DepthUpdate(InstrumentId instrumentId, Side side, BigDecimal price, BigDecimal quantity, Instant time)
        implements MarketData {

    public DepthUpdate {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(time, "time");
        if (price.signum() <= 0 || quantity.signum() < 0) {
            throw new IllegalArgumentException(instrumentId + ": a depth level needs a positive price and a size "
                    + "of at least zero: " + quantity + " @ " + price);
        }
    }
}
