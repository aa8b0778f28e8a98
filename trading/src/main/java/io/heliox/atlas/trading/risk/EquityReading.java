package io.heliox.atlas.trading.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The account's equity and the margin its positions hold, in the limits' currency, at one instant. */
public record EquityReading(Instant at, BigDecimal equity, BigDecimal marginUsed) {

    public EquityReading {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(marginUsed, "marginUsed");
    }
}
