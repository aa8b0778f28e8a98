package io.heliox.atlas.trading.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The NYSE's holidays and early closes, computed by rule rather than listed, so the calendar does
 * not run out at the end of a published table.
 *
 * <p>Source: NYSE Rule 7.2 ("Holidays") and the holiday and early-close tables the NYSE publishes
 * for each year (nyse.com, "Holidays &amp; Trading Hours"); the tests check 2025 and 2026 against
 * those tables. The exchange is closed on:
 * <ul>
 *   <li>New Year's Day, January 1; on a Sunday the Monday after. On a Saturday it is <em>not</em>
 *       observed: Rule 7.2 skips the Friday closing when it would end a yearly accounting period,
 *       so December 31 stays a trading day (as on 2021-12-31).</li>
 *   <li>Martin Luther King, Jr. Day, the third Monday of January (closed since 1998).</li>
 *   <li>Washington's Birthday (Presidents' Day), the third Monday of February.</li>
 *   <li>Good Friday, two days before Easter Sunday (the anonymous Gregorian computus).</li>
 *   <li>Memorial Day, the last Monday of May.</li>
 *   <li>Juneteenth National Independence Day, June 19 (closed since 2022).</li>
 *   <li>Independence Day, July 4.</li>
 *   <li>Labor Day, the first Monday of September.</li>
 *   <li>Thanksgiving Day, the fourth Thursday of November.</li>
 *   <li>Christmas Day, December 25.</li>
 * </ul>
 * A fixed-date holiday on a Saturday is observed on the Friday before, on a Sunday on the Monday
 * after (New Year's Day excepted as above).
 *
 * <p>The regular session ends early, at 13:00, on the day before Independence Day (July 3 when it
 * is a trading day), the day after Thanksgiving, and Christmas Eve (December 24 when it is a
 * trading day). When July 3 or December 24 is itself the observed holiday, there is no early close
 * that week.
 *
 * <p>One-off closures (national days of mourning, the September 2001 attacks, Hurricane Sandy) are
 * not rules; {@link UsEquityCalendar} takes them as extra closures. The rules are those in force
 * today; years before 1998 are not modelled.
 */
public final class NyseHolidays {

    private NyseHolidays() {
    }

    /** The full-day closures of {@code year}, by observed date, each with its holiday's name. */
    public static Map<LocalDate, String> holidays(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            days.put(newYear.plusDays(1), "New Year's Day (observed)");
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            days.put(newYear, "New Year's Day");
        }
        if (year >= 1998) {
            days.put(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY), "Martin Luther King, Jr. Day");
        }
        days.put(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Washington's Birthday");
        days.put(easterSunday(year).minusDays(2), "Good Friday");
        days.put(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                "Memorial Day");
        if (year >= 2022) {
            observed(days, LocalDate.of(year, Month.JUNE, 19), "Juneteenth National Independence Day");
        }
        observed(days, LocalDate.of(year, Month.JULY, 4), "Independence Day");
        days.put(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day");
        days.put(thanksgiving(year), "Thanksgiving Day");
        observed(days, LocalDate.of(year, Month.DECEMBER, 25), "Christmas Day");
        return days;
    }

    /** The holiday that closes the NYSE on {@code date}, if any (weekends are not holidays). */
    public static Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(holidays(date.getYear()).get(date));
    }

    /** The reason the regular session ends at 13:00 on {@code date}, if it does. */
    public static Optional<String> earlyClose(LocalDate date) {
        if (!isWeekday(date) || holiday(date).isPresent()) {
            return Optional.empty();
        }
        if (date.getMonth() == Month.JULY && date.getDayOfMonth() == 3) {
            return Optional.of("day before Independence Day");
        }
        if (date.equals(thanksgiving(date.getYear()).plusDays(1))) {
            return Optional.of("day after Thanksgiving");
        }
        if (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24) {
            return Optional.of("Christmas Eve");
        }
        return Optional.empty();
    }

    /**
     * Easter Sunday of {@code year} in the Gregorian calendar, by the anonymous Gregorian
     * algorithm (Meeus/Jones/Butcher), exact for every Gregorian year.
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;                      // place in the 19-year Metonic cycle
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;                // lunar correction
        int h = (19 * a + b - d - g + 15) % 30; // epact-like: days from the equinox to the full moon
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static void observed(Map<LocalDate, String> days, LocalDate date, String name) {
        switch (date.getDayOfWeek()) {
            case SATURDAY -> days.put(date.minusDays(1), name + " (observed)");
            case SUNDAY -> days.put(date.plusDays(1), name + " (observed)");
            default -> days.put(date, name);
        }
    }

    private static LocalDate thanksgiving(int year) {
        return nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
    }

    private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    static boolean isWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
