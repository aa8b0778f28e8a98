package io.heliox.atlas.trading.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/** Test shorthand: New York wall-clock times as instants. */
final class NewYork {

    static final Duration NANO = Duration.ofNanos(1);

    private NewYork() {
    }

    /** {@code "2026-03-09T09:30"} in New York, as an instant. */
    static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TradingCalendars.NEW_YORK).toInstant();
    }

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }
}
