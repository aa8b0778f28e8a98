package io.heliox.atlas.trading.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Spot FX: one continuous session a week, from Sunday 17:00 to Friday 17:00 New York time, the
 * convention of the interbank market and of retail venues such as OANDA (the week opens with
 * Wellington's Monday morning and closes with New York's Friday afternoon).
 *
 * <p>Holidays are not modelled: around Christmas and New Year liquidity thins and spreads widen,
 * but FX venues keep quoting, so no day of the week is closed.
 */
public final class FxCalendar extends ScheduledCalendar {

    /** The week's open (on Sunday) and close (on Friday), New York time. */
    public static final LocalTime ROLLOVER = LocalTime.of(17, 0);

    public FxCalendar() {
        super(TradingCalendars.NEW_YORK, 5);
    }

    @Override
    List<SessionWindow> sessionsOpeningOn(LocalDate date) {
        if (date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            return List.of();
        }
        return List.of(new SessionWindow(at(date, ROLLOVER), at(date.plusDays(5), ROLLOVER)));
    }

    @Override
    MarketStatus whenNotInSession(ZonedDateTime local) {
        return MarketStatus.closed("weekend");
    }

    @Override
    public String toString() {
        return "FX (Sunday 17:00 to Friday 17:00 New York)";
    }
}
