package io.heliox.atlas.trading.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The first equity seen in a new {@link TradingDay}: the day's loss is counted from it, and the
 * daily loss limit's tiers of the day before (HALTED for the day included) are over.
 */
public record TradingDayStarted(LocalDate day, BigDecimal startEquity, Instant at) implements RiskEvent {

    public TradingDayStarted {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(at, "at");
    }
}
