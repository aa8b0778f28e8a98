package io.heliox.atlas.trading.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A calendar whose regular sessions are written down per local date of its time zone: each
 * subclass says which sessions open on a date, and this class answers every question from that
 * one list, so {@link #status}, {@link #nextOpen} and {@link #nextClose} cannot disagree.
 *
 * <p>Session edges are local wall-clock times turned into instants on their own date, so a
 * session opening at 17:00 New York opens at 21:00Z in summer and 22:00Z in winter, and a week
 * that spans a daylight-saving change is an hour shorter or longer. None of the edges used here
 * falls in New York's skipped or repeated hour (02:00–03:00).
 */
abstract class ScheduledCalendar implements TradingCalendar {

    /** How far ahead {@link #nextOpen} looks before deciding the calendar is broken. */
    private static final int SEARCH_DAYS = 370;

    private final ZoneId zone;
    private final int longestSessionDays;

    /**
     * @param longestSessionDays how many local dates a session may span after the one it opens on
     *                           (FX: Sunday to Friday is 5), so a lookup knows how far back to start
     */
    ScheduledCalendar(ZoneId zone, int longestSessionDays) {
        this.zone = zone;
        this.longestSessionDays = longestSessionDays;
    }

    /** The regular sessions that open on this local date, in order; none on a closed day. */
    abstract List<SessionWindow> sessionsOpeningOn(LocalDate date);

    /** Why the market is closed at this local time, given that no regular session is running. */
    abstract MarketStatus whenNotInSession(ZonedDateTime local);

    /** {@code time} on {@code date} in this calendar's zone, as an instant. */
    final Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    @Override
    public MarketStatus status(Instant t) {
        Optional<SessionWindow> session = firstEndingAfter(t);
        if (session.isPresent() && session.get().contains(t)) {
            return MarketStatus.open("regular session");
        }
        return whenNotInSession(t.atZone(zone));
    }

    @Override
    public Instant nextOpen(Instant t) {
        SessionWindow session = firstEndingAfter(t).orElseThrow(() -> noSession(t));
        return session.open().isAfter(t) ? session.open() : t;
    }

    @Override
    public Optional<Instant> nextClose(Instant t) {
        return Optional.of(firstEndingAfter(t).orElseThrow(() -> noSession(t)).close());
    }

    /**
     * The session running at {@code t} or, if none is, the next one: sessions are ordered and do
     * not overlap, so the first that ends after {@code t} is either.
     */
    private Optional<SessionWindow> firstEndingAfter(Instant t) {
        LocalDate date = LocalDate.ofInstant(t, zone).minusDays(longestSessionDays + 1L);
        for (int i = 0; i < SEARCH_DAYS; i++, date = date.plusDays(1)) {
            for (SessionWindow session : sessionsOpeningOn(date)) {
                if (session.close().isAfter(t)) {
                    return Optional.of(session);
                }
            }
        }
        return Optional.empty();
    }

    private IllegalStateException noSession(Instant t) {
        return new IllegalStateException("no regular session within " + SEARCH_DAYS + " days of " + t);
    }
}
