package io.heliox.atlas.trading.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.heliox.atlas.trading.calendar.NewYork.ny;
import static org.assertj.core.api.Assertions.assertThat;

class CryptoCalendarTest {

    private final TradingCalendar crypto = new CryptoCalendar();

    @Test
    void alwaysOpenNeverCloses() {
        for (String t : new String[]{"2026-03-07T12:00", "2026-03-08T02:30", "2025-12-25T00:00", "2026-11-01T01:30",
                "2026-01-01T00:00"}) {
            Instant instant = ny(t);
            assertThat(crypto.status(instant)).isEqualTo(new MarketStatus(Session.OPEN, "24/7"));
            assertThat(crypto.nextOpen(instant)).isEqualTo(instant);
            assertThat(crypto.nextClose(instant)).isEmpty();
            assertThat(crypto.closedReason(instant)).isEmpty();
        }
        assertThat(crypto.isOpen(Instant.EPOCH)).isTrue();
    }
}
