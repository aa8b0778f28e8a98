package io.heliox.atlas.trading.calendar;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.heliox.atlas.trading.calendar.NewYork.NANO;
import static io.heliox.atlas.trading.calendar.NewYork.ny;
import static io.heliox.atlas.trading.calendar.NewYork.utc;
import static org.assertj.core.api.Assertions.assertThat;

class FxCalendarTest {

    private final TradingCalendar fx = new FxCalendar();

    @Test
    void theWeekClosesFridayAt17NewYork() {
        Instant close = ny("2026-03-06T17:00");
        assertThat(close).isEqualTo(utc("2026-03-06T22:00:00Z")); // EST, UTC-5
        assertThat(fx.isOpen(close.minus(NANO))).isTrue();
        assertThat(fx.status(close)).isEqualTo(new MarketStatus(Session.CLOSED, "weekend"));
        assertThat(fx.isOpen(close.plusSeconds(1))).isFalse();
    }

    @Test
    void theWeekOpensSundayAt17NewYork() {
        Instant open = ny("2026-03-01T17:00");
        assertThat(open).isEqualTo(utc("2026-03-01T22:00:00Z"));
        assertThat(fx.isOpen(open.minus(NANO))).isFalse();
        assertThat(fx.closedReason(open.minusSeconds(1))).contains("weekend");
        assertThat(fx.status(open)).isEqualTo(new MarketStatus(Session.OPEN, "regular session"));
        assertThat(fx.closedReason(open)).isEmpty();
    }

    @Test
    void openAllWeekThroughEveryMidnight() {
        for (String t : new String[]{"2026-03-02T00:00", "2026-03-03T17:00", "2026-03-04T23:59:59", "2026-03-05T12:00",
                "2026-03-06T16:59:59"}) {
            assertThat(fx.session(ny(t))).as(t).isEqualTo(Session.OPEN);
        }
        assertThat(fx.isOpen(ny("2026-03-07T12:00"))).isFalse(); // Saturday
        assertThat(fx.isOpen(ny("2025-12-25T12:00"))).isTrue();  // no holidays in FX
    }

    @Test
    void theSpringForwardSundayOpensAnHourEarlierInUtc() {
        // 2026-03-08: New York moves to EDT (UTC-4) at 02:00, before the 17:00 open
        Instant open = ny("2026-03-08T17:00");
        assertThat(open).isEqualTo(utc("2026-03-08T21:00:00Z"));
        assertThat(fx.isOpen(utc("2026-03-08T20:59:59.999999999Z"))).isFalse();
        assertThat(fx.isOpen(utc("2026-03-08T21:00:00Z"))).isTrue();
        assertThat(fx.nextOpen(ny("2026-03-07T12:00"))).isEqualTo(open);
        // the weekend that contains the change is 47 hours long
        assertThat(Duration.between(ny("2026-03-06T17:00"), open)).isEqualTo(Duration.ofHours(47));
        // and the week after it closes at 21:00Z
        assertThat(fx.nextClose(open)).contains(utc("2026-03-13T21:00:00Z"));
    }

    @Test
    void theFallBackSundayOpensAnHourLaterInUtc() {
        // 2026-11-01: New York returns to EST (UTC-5) at 02:00; Friday's close was still EDT
        Instant close = ny("2026-10-30T17:00");
        Instant open = ny("2026-11-01T17:00");
        assertThat(close).isEqualTo(utc("2026-10-30T21:00:00Z"));
        assertThat(open).isEqualTo(utc("2026-11-01T22:00:00Z"));
        assertThat(fx.isOpen(utc("2026-11-01T21:30:00Z"))).isFalse();
        assertThat(fx.isOpen(open)).isTrue();
        assertThat(fx.nextOpen(close)).isEqualTo(open);
        assertThat(Duration.between(close, open)).isEqualTo(Duration.ofHours(49));
    }

    @Test
    void nextOpenAndNextCloseAcrossTheWeekend() {
        Instant wednesday = ny("2026-03-04T03:00");
        assertThat(fx.nextOpen(wednesday)).isEqualTo(wednesday);
        assertThat(fx.nextClose(wednesday)).contains(ny("2026-03-06T17:00"));

        Instant fridayClose = ny("2026-03-06T17:00");
        assertThat(fx.nextOpen(fridayClose)).isEqualTo(ny("2026-03-08T17:00"));
        assertThat(fx.nextClose(fridayClose)).contains(ny("2026-03-13T17:00"));
        assertThat(fx.nextOpen(fridayClose.minus(NANO))).isEqualTo(fridayClose.minus(NANO));
        assertThat(fx.nextClose(fridayClose.minus(NANO))).contains(fridayClose);

        Instant saturday = ny("2026-03-07T09:00");
        assertThat(fx.nextOpen(saturday)).isEqualTo(ny("2026-03-08T17:00"));
        assertThat(fx.nextOpen(ny("2026-03-08T17:00").minus(NANO))).isEqualTo(ny("2026-03-08T17:00"));
    }
}
