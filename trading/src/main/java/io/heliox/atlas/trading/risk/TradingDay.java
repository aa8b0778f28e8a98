package io.heliox.atlas.trading.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The trading day a daily loss limit counts in: it rolls at 17:00 New York, and the day that starts
 * then is named by the next date (the FX value-date convention: Sunday 17:00 starts Monday's day).
 *
 * <p>Why one boundary and why this one: a session's daily limit must have one day even when it trades
 * FX, crypto and equities at once, and a UTC day would cut through the busiest FX and equity hours.
 * 17:00 New York is where FX and metals close their day and is after the US equities' regular session
 * (09:30–16:00), so one day holds a whole equity session. It follows New York's daylight saving: the
 * roll is 21:00 UTC in summer and 22:00 UTC in winter.
 */
public final class TradingDay {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 17:00 plus 7 hours is midnight: shifting the local time by 7 h turns the roll into a date change. */
    private static final long HOURS_TO_MIDNIGHT = 7;

    private TradingDay() {
    }

    /** The trading day that {@code t} falls in. */
    public static LocalDate of(Instant t) {
        return t.atZone(NEW_YORK).toLocalDateTime().plusHours(HOURS_TO_MIDNIGHT).toLocalDate();
    }
}
