package io.heliox.atlas.trading.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.heliox.atlas.trading.calendar.NewYork.NANO;
import static io.heliox.atlas.trading.calendar.NewYork.ny;
import static io.heliox.atlas.trading.calendar.NewYork.utc;
import static org.assertj.core.api.Assertions.assertThat;

class MetalsCalendarTest {

    private final TradingCalendar metals = new MetalsCalendar();

    @Test
    void theWeekOpensSundayAt18AndClosesFridayAt17() {
        Instant open = ny("2026-03-01T18:00");
        assertThat(metals.isOpen(open.minus(NANO))).isFalse();
        assertThat(metals.closedReason(ny("2026-03-01T17:30"))).contains("weekend");
        assertThat(metals.isOpen(open)).isTrue();

        Instant close = ny("2026-03-06T17:00");
        assertThat(metals.isOpen(close.minus(NANO))).isTrue();
        assertThat(metals.status(close)).isEqualTo(new MarketStatus(Session.CLOSED, "weekend"));
        assertThat(metals.status(ny("2026-03-06T18:30")).reason()).isEqualTo("weekend"); // no Friday reopen
        assertThat(metals.isOpen(ny("2026-03-07T12:00"))).isFalse();
    }

    @Test
    void aDailyBreakFrom17To18MondayToThursday() {
        for (String day : new String[]{"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"}) {
            Instant breakStart = ny(day + "T17:00");
            Instant reopen = ny(day + "T18:00");
            assertThat(metals.isOpen(breakStart.minus(NANO))).as(day).isTrue();
            assertThat(metals.status(breakStart)).as(day).isEqualTo(new MarketStatus(Session.CLOSED, "daily break"));
            assertThat(metals.isOpen(reopen.minus(NANO))).as(day).isFalse();
            assertThat(metals.isOpen(reopen)).as(day).isTrue();
            assertThat(metals.nextOpen(breakStart)).as(day).isEqualTo(reopen);
            assertThat(metals.nextClose(breakStart.minusSeconds(3600))).as(day).contains(breakStart);
        }
        // the Thursday evening session runs into Friday and closes for the weekend
        assertThat(metals.nextClose(ny("2026-03-05T18:00"))).contains(ny("2026-03-06T17:00"));
        assertThat(metals.nextOpen(ny("2026-03-06T17:00"))).isEqualTo(ny("2026-03-08T18:00"));
    }

    @Test
    void theBreakMovesInUtcWithDaylightSaving() {
        // Friday 2026-03-06 (EST): break would be 22:00Z; Monday 2026-03-09 (EDT): 21:00Z-22:00Z
        assertThat(metals.isOpen(utc("2026-03-05T22:30:00Z"))).isFalse();  // Thu 17:30 EST
        assertThat(metals.isOpen(utc("2026-03-09T21:30:00Z"))).isFalse();  // Mon 17:30 EDT
        assertThat(metals.isOpen(utc("2026-03-09T22:30:00Z"))).isTrue();   // Mon 18:30 EDT
        assertThat(metals.nextOpen(utc("2026-03-08T12:00:00Z"))).isEqualTo(utc("2026-03-08T22:00:00Z"));
        // autumn: the Sunday open after the change is 23:00Z
        assertThat(metals.nextOpen(ny("2026-10-30T17:00"))).isEqualTo(utc("2026-11-01T23:00:00Z"));
    }
}
