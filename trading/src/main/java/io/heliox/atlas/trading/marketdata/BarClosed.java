package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.marketdata.Bar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bar that has closed: its prices are final. Prices stay doubles, as the engine's bars are, so
 * that a strategy decides on a live bar exactly as it decided on the same bar in the backtest.
 *
 * @param period the bar's length: it closed at {@code bar.openTime() + period}, which is {@link #time()}
 */
public record BarClosed(InstrumentId instrumentId, Bar bar, Duration period) implements MarketData {

    public BarClosed {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a bar's period must be positive, was " + period);
        }
    }

    /** The close time: when the bar's last price was known. */
    @Override
    public Instant time() {
        return bar.openTime().plus(period);
    }
}
