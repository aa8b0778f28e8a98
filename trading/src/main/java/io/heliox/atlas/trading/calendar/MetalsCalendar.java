package io.heliox.atlas.trading.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Precious metals such as XAUUSD, on CME Globex hours: Sunday 18:00 to Friday 17:00 New York
 * time with a daily break from 17:00 to 18:00 Monday to Thursday (CME's published hours for metals
 * futures, "Sunday–Friday 6:00 p.m. – 5:00 p.m. ET with a 60-minute break each day"). Spot gold at
 * FX venues follows the same clock.
 *
 * <p>So each trading day is one session from 18:00 to 17:00 the next day, opening Sunday to
 * Thursday. CME's shortened hours around US holidays are not modelled.
 */
public final class MetalsCalendar extends ScheduledCalendar {

    public static final LocalTime DAILY_OPEN = LocalTime.of(18, 0);
    public static final LocalTime DAILY_CLOSE = LocalTime.of(17, 0);

    public MetalsCalendar() {
        super(TradingCalendars.NEW_YORK, 1);
    }

    @Override
    List<SessionWindow> sessionsOpeningOn(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY) {
            return List.of();
        }
        return List.of(new SessionWindow(at(date, DAILY_OPEN), at(date.plusDays(1), DAILY_CLOSE)));
    }

    @Override
    MarketStatus whenNotInSession(ZonedDateTime local) {
        // closed Friday 17:00 to Sunday 18:00; any other gap is the hour between two sessions
        DayOfWeek day = local.getDayOfWeek();
        boolean weekend = day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return MarketStatus.closed(weekend ? "weekend" : "daily break");
    }

    @Override
    public String toString() {
        return "metals (Sunday 18:00 to Friday 17:00 New York, daily break 17:00-18:00)";
    }
}
