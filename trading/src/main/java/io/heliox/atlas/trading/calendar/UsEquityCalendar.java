package io.heliox.atlas.trading.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * US equities on the NYSE's clock, New York time: the regular session 09:30–16:00 Monday to
 * Friday, pre-market from 04:00 and after-hours until 20:00; on an early-close day the regular
 * session ends at 13:00 and after-hours at 17:00 (the NYSE Arca and Nasdaq late sessions on those
 * days). Holidays and early closes follow {@link NyseHolidays}; on a holiday there are no
 * extended hours either.
 *
 * <p>Closures that no rule predicts (a national day of mourning, a storm) are passed to the
 * constructor by date; {@link #ONE_OFF_CLOSURES} lists those since 2001 and is what
 * {@link TradingCalendars#forAssetClass} uses.
 */
public final class UsEquityCalendar extends ScheduledCalendar {

    public static final LocalTime PRE_MARKET_OPEN = LocalTime.of(4, 0);
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    public static final LocalTime AFTER_HOURS_END = LocalTime.of(20, 0);
    public static final LocalTime EARLY_AFTER_HOURS_END = LocalTime.of(17, 0);

    /** Full-day NYSE closures that no holiday rule gives, since 2001, with their reasons. */
    public static final Map<LocalDate, String> ONE_OFF_CLOSURES = Map.of(
            LocalDate.of(2001, 9, 11), "September 11 attacks",
            LocalDate.of(2001, 9, 12), "September 11 attacks",
            LocalDate.of(2001, 9, 13), "September 11 attacks",
            LocalDate.of(2001, 9, 14), "September 11 attacks",
            LocalDate.of(2004, 6, 11), "National Day of Mourning for President Ronald Reagan",
            LocalDate.of(2007, 1, 2), "National Day of Mourning for President Gerald Ford",
            LocalDate.of(2012, 10, 29), "Hurricane Sandy",
            LocalDate.of(2012, 10, 30), "Hurricane Sandy",
            LocalDate.of(2018, 12, 5), "National Day of Mourning for President George H. W. Bush",
            LocalDate.of(2025, 1, 9), "National Day of Mourning for President Jimmy Carter");

    private final Map<LocalDate, String> extraClosures;

    /** The holiday rules alone, without any one-off closure. */
    public UsEquityCalendar() {
        this(Map.of());
    }

    /** The holiday rules plus these full-day closures, each with its reason. */
    public UsEquityCalendar(Map<LocalDate, String> extraClosures) {
        super(TradingCalendars.NEW_YORK, 0);
        extraClosures.forEach((date, reason) -> {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a closure needs a reason: " + date);
            }
        });
        this.extraClosures = Map.copyOf(extraClosures);
    }

    /** The holiday rules plus {@link #ONE_OFF_CLOSURES}. */
    public static UsEquityCalendar nyse() {
        return new UsEquityCalendar(ONE_OFF_CLOSURES);
    }

    /** Why the exchange is closed all day on {@code date}, if it is. */
    public Optional<String> closure(LocalDate date) {
        if (!NyseHolidays.isWeekday(date)) {
            return Optional.of("weekend");
        }
        Optional<String> holiday = NyseHolidays.holiday(date);
        return holiday.isPresent() ? holiday : Optional.ofNullable(extraClosures.get(date));
    }

    /** The end of the regular session on a trading day: 16:00, or 13:00 on an early close. */
    public LocalTime closeOn(LocalDate date) {
        return NyseHolidays.earlyClose(date).isPresent() ? EARLY_CLOSE : CLOSE;
    }

    @Override
    List<SessionWindow> sessionsOpeningOn(LocalDate date) {
        if (closure(date).isPresent()) {
            return List.of();
        }
        return List.of(new SessionWindow(at(date, OPEN), at(date, closeOn(date))));
    }

    @Override
    MarketStatus whenNotInSession(ZonedDateTime local) {
        LocalDate date = local.toLocalDate();
        Optional<String> closure = closure(date);
        if (closure.isPresent()) {
            return MarketStatus.closed(closure.get());
        }
        LocalTime time = local.toLocalTime();
        boolean early = NyseHolidays.earlyClose(date).isPresent();
        if (time.isBefore(PRE_MARKET_OPEN)) {
            return MarketStatus.closed("overnight");
        }
        if (time.isBefore(OPEN)) {
            return new MarketStatus(Session.PRE_MARKET, "pre-market");
        }
        // not in the regular session and past the open: the session has ended for the day
        if (time.isBefore(early ? EARLY_AFTER_HOURS_END : AFTER_HOURS_END)) {
            return new MarketStatus(Session.AFTER_HOURS, early ? "after-hours (early close)" : "after-hours");
        }
        return MarketStatus.closed("overnight");
    }

    @Override
    public String toString() {
        return "US equities (NYSE, 09:30-16:00 New York)";
    }
}
