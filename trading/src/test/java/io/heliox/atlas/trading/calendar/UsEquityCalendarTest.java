package io.heliox.atlas.trading.calendar;

import io.heliox.atlas.trading.instrument.AssetClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.heliox.atlas.trading.calendar.NewYork.NANO;
import static io.heliox.atlas.trading.calendar.NewYork.ny;
import static io.heliox.atlas.trading.calendar.NewYork.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The NYSE's clock, checked against the holiday and early-close tables the NYSE published for 2025 and 2026. */
class UsEquityCalendarTest {

    private static final LocalDate CARTER = LocalDate.of(2025, 1, 9);
    private static final String MOURNING = "National Day of Mourning for President Jimmy Carter";
    private static final String JUNETEENTH_OBSERVED = "Juneteenth National Independence Day (observed)";

    private final UsEquityCalendar rules = new UsEquityCalendar();
    private final UsEquityCalendar withCarter = new UsEquityCalendar(Map.of(CARTER, MOURNING));

    @Test
    void theSessionsOfOneDayEdgeByEdge() {
        String day = "2026-03-06T"; // a Friday
        assertThat(rules.status(ny(day + "04:00").minus(NANO)))
                .isEqualTo(new MarketStatus(Session.CLOSED, "overnight"));
        assertThat(rules.session(ny(day + "04:00"))).isEqualTo(Session.PRE_MARKET);
        assertThat(rules.status(ny(day + "09:30").minus(NANO)))
                .isEqualTo(new MarketStatus(Session.PRE_MARKET, "pre-market"));
        assertThat(rules.status(ny(day + "09:30"))).isEqualTo(new MarketStatus(Session.OPEN, "regular session"));
        assertThat(rules.isOpen(ny(day + "16:00").minus(NANO))).isTrue();
        assertThat(rules.status(ny(day + "16:00"))).isEqualTo(new MarketStatus(Session.AFTER_HOURS, "after-hours"));
        assertThat(rules.session(ny(day + "20:00").minus(NANO))).isEqualTo(Session.AFTER_HOURS);
        assertThat(rules.status(ny(day + "20:00"))).isEqualTo(new MarketStatus(Session.CLOSED, "overnight"));
        assertThat(rules.closedReason(ny("2026-03-07T10:00"))).contains("weekend");
        assertThat(rules.closedReason(ny(day + "12:00"))).isEmpty();
        // pre-market and after-hours are not "open": a market order does not fill there
        assertThat(rules.isOpen(ny(day + "08:00"))).isFalse();
        assertThat(rules.isOpen(ny(day + "17:00"))).isFalse();
    }

    @Test
    void everyFullDayClosureOf2025() {
        assertThat(weekdayClosures(withCarter, 2025)).containsExactly(
                LocalDate.of(2025, 1, 1), CARTER, LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 17),
                LocalDate.of(2025, 4, 18), LocalDate.of(2025, 5, 26), LocalDate.of(2025, 6, 19),
                LocalDate.of(2025, 7, 4), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 27),
                LocalDate.of(2025, 12, 25));
        // the rules alone cannot know of the day of mourning; the factory's calendar does
        assertThat(weekdayClosures(rules, 2025)).doesNotContain(CARTER).hasSize(10);
        assertThat(TradingCalendars.forAssetClass(AssetClass.EQUITY).closedReason(ny("2025-01-09T10:00")))
                .contains(MOURNING);
    }

    @Test
    void everyFullDayClosureOf2026() {
        assertThat(weekdayClosures(rules, 2026)).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 4, 3), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 19),
                LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 12, 25));
    }

    @Test
    void everyEarlyCloseOf2025And2026() {
        assertThat(earlyCloses(2025)).containsExactly(
                LocalDate.of(2025, 7, 3), LocalDate.of(2025, 11, 28), LocalDate.of(2025, 12, 24));
        // 2026: July 3 is the observed Independence Day, so no early close that week
        assertThat(earlyCloses(2026)).containsExactly(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 24));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2025-01-01 | New Year's Day
            2025-01-09 | National Day of Mourning for President Jimmy Carter
            2025-01-20 | Martin Luther King, Jr. Day
            2025-02-17 | Washington's Birthday
            2025-04-18 | Good Friday
            2025-05-26 | Memorial Day
            2025-06-19 | Juneteenth National Independence Day
            2025-07-04 | Independence Day
            2025-09-01 | Labor Day
            2025-11-27 | Thanksgiving Day
            2025-12-25 | Christmas Day
            2026-01-01 | New Year's Day
            2026-01-19 | Martin Luther King, Jr. Day
            2026-02-16 | Washington's Birthday
            2026-04-03 | Good Friday
            2026-05-25 | Memorial Day
            2026-06-19 | Juneteenth National Independence Day
            2026-07-03 | Independence Day (observed)
            2026-09-07 | Labor Day
            2026-11-26 | Thanksgiving Day
            2026-12-25 | Christmas Day
            """)
    void aHolidayIsClosedAllDayWithItsName(LocalDate date, String name) {
        for (LocalTime time : new LocalTime[]{LocalTime.of(5, 0), LocalTime.of(9, 30), LocalTime.of(12, 0),
                LocalTime.of(17, 0)}) {
            Instant t = date.atTime(time).atZone(TradingCalendars.NEW_YORK).toInstant();
            assertThat(withCarter.status(t)).as("%s %s", date, time).isEqualTo(new MarketStatus(Session.CLOSED, name));
        }
    }

    @ParameterizedTest
    @CsvSource({"2025-07-03", "2025-11-28", "2025-12-24", "2026-11-27", "2026-12-24"})
    void anEarlyCloseEndsTheSessionAt13AndAfterHoursAt17(LocalDate date) {
        String day = date + "T";
        assertThat(rules.isOpen(ny(day + "09:30"))).isTrue();
        assertThat(rules.isOpen(ny(day + "13:00").minus(NANO))).isTrue();
        assertThat(rules.status(ny(day + "13:00")))
                .isEqualTo(new MarketStatus(Session.AFTER_HOURS, "after-hours (early close)"));
        assertThat(rules.session(ny(day + "17:00").minus(NANO))).isEqualTo(Session.AFTER_HOURS);
        assertThat(rules.status(ny(day + "17:00"))).isEqualTo(new MarketStatus(Session.CLOSED, "overnight"));
        assertThat(rules.nextClose(ny(day + "10:00"))).contains(ny(day + "13:00"));
        assertThat(rules.closeOn(date)).isEqualTo(UsEquityCalendar.EARLY_CLOSE);
    }

    @Test
    void theObservanceRules() {
        // New Year's Day on a Saturday (2022) is not observed: Friday 2021-12-31 traded
        assertThat(rules.isOpen(ny("2021-12-31T10:00"))).isTrue();
        // ... on a Sunday it is, the Monday after
        assertThat(rules.closedReason(ny("2023-01-02T10:00"))).contains("New Year's Day (observed)");
        // other holidays on a Saturday close the Friday before
        assertThat(rules.closedReason(ny("2021-12-24T10:00"))).contains("Christmas Day (observed)");
        assertThat(rules.closedReason(ny("2027-06-18T10:00"))).contains(JUNETEENTH_OBSERVED);
        assertThat(rules.closedReason(ny("2020-07-03T10:00"))).contains("Independence Day (observed)");
        // on a Sunday, the Monday after
        assertThat(rules.closedReason(ny("2022-06-20T10:00"))).contains(JUNETEENTH_OBSERVED);
        assertThat(rules.closedReason(ny("2022-12-26T10:00"))).contains("Christmas Day (observed)");
        // Juneteenth closes the exchange from 2022 only
        assertThat(rules.isOpen(ny("2021-06-18T10:00"))).isTrue();
        // Christmas Eve on a Monday is an early close; on a Friday it is the observed holiday
        assertThat(rules.closeOn(LocalDate.of(2018, 12, 24))).isEqualTo(UsEquityCalendar.EARLY_CLOSE);
        assertThat(NyseHolidays.earlyClose(LocalDate.of(2021, 12, 24))).isEmpty();
        assertThat(NyseHolidays.earlyClose(LocalDate.of(2023, 7, 3))).contains("day before Independence Day");
    }

    @Test
    void theAnonymousGregorianComputus() {
        Map.of(1943, "1943-04-25", 2000, "2000-04-23", 2008, "2008-03-23", 2011, "2011-04-24",
                        2019, "2019-04-21", 2024, "2024-03-31", 2025, "2025-04-20", 2026, "2026-04-05",
                        2038, "2038-04-25", 2285, "2285-03-22")
                .forEach((year, easter) -> assertThat(NyseHolidays.easterSunday(year)).as("%d", year)
                        .isEqualTo(LocalDate.parse(easter)));
    }

    @Test
    void theOpenMovesInUtcWithDaylightSaving() {
        // spring: Friday before the change is EST, Monday after is EDT
        assertThat(ny("2026-03-06T09:30")).isEqualTo(utc("2026-03-06T14:30:00Z"));
        assertThat(ny("2026-03-09T09:30")).isEqualTo(utc("2026-03-09T13:30:00Z"));
        assertThat(rules.isOpen(utc("2026-03-09T13:30:00Z"))).isTrue();
        assertThat(rules.session(utc("2026-03-09T13:29:59Z"))).isEqualTo(Session.PRE_MARKET);
        assertThat(rules.session(utc("2026-03-06T13:30:00Z"))).isEqualTo(Session.PRE_MARKET);
        assertThat(rules.nextOpen(ny("2026-03-06T16:00"))).isEqualTo(utc("2026-03-09T13:30:00Z"));
        assertThat(rules.nextClose(ny("2026-03-09T09:30"))).contains(utc("2026-03-09T20:00:00Z"));
        // autumn: Friday before the change is EDT, Monday after is EST
        assertThat(rules.nextOpen(ny("2026-10-30T16:00"))).isEqualTo(utc("2026-11-02T14:30:00Z"));
        assertThat(rules.session(utc("2026-11-02T13:30:00Z"))).isEqualTo(Session.PRE_MARKET);
        assertThat(rules.isOpen(utc("2026-10-30T13:30:00Z"))).isTrue();
        assertThat(rules.nextClose(utc("2026-11-02T14:30:00Z"))).contains(utc("2026-11-02T21:00:00Z"));
    }

    @Test
    void nextOpenAndNextCloseAcrossWeekendsAndHolidays() {
        Instant open = ny("2026-03-04T11:00");
        assertThat(rules.nextOpen(open)).isEqualTo(open);
        assertThat(rules.nextClose(open)).contains(ny("2026-03-04T16:00"));
        // Saturday: Monday's session
        assertThat(rules.nextOpen(ny("2026-03-07T10:00"))).isEqualTo(ny("2026-03-09T09:30"));
        assertThat(rules.nextClose(ny("2026-03-07T10:00"))).contains(ny("2026-03-09T16:00"));
        // Good Friday 2026 makes a three-day weekend
        assertThat(rules.nextOpen(ny("2026-04-02T16:00"))).isEqualTo(ny("2026-04-06T09:30"));
        // Thanksgiving: from Wednesday night to Friday's short session
        assertThat(rules.nextOpen(ny("2026-11-25T20:00"))).isEqualTo(ny("2026-11-27T09:30"));
        assertThat(rules.nextClose(ny("2026-11-25T20:00"))).contains(ny("2026-11-27T13:00"));
        // Christmas 2025 and New Year 2026
        assertThat(rules.nextOpen(ny("2025-12-24T13:00"))).isEqualTo(ny("2025-12-26T09:30"));
        assertThat(rules.nextOpen(ny("2025-12-31T16:00"))).isEqualTo(ny("2026-01-02T09:30"));
        // an extra closure moves the open a day
        assertThat(rules.nextOpen(ny("2025-01-08T16:00"))).isEqualTo(ny("2025-01-09T09:30"));
        assertThat(withCarter.nextOpen(ny("2025-01-08T16:00"))).isEqualTo(ny("2025-01-10T09:30"));
        // the open instant itself, and one nanosecond before it
        assertThat(rules.nextOpen(ny("2026-03-09T09:30").minus(NANO))).isEqualTo(ny("2026-03-09T09:30"));
        assertThat(rules.nextClose(ny("2026-03-09T16:00").minus(NANO))).contains(ny("2026-03-09T16:00"));
        assertThat(rules.nextClose(ny("2026-03-09T16:00"))).contains(ny("2026-03-10T16:00"));
    }

    @Test
    void anExtraClosureNeedsAReason() {
        assertThatThrownBy(() -> new UsEquityCalendar(Map.of(CARTER, " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025-01-09");
    }

    private static Set<LocalDate> weekdayClosures(UsEquityCalendar calendar, int year) {
        Set<LocalDate> closed = new TreeSet<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (NyseHolidays.isWeekday(d) && calendar.closure(d).isPresent()) {
                closed.add(d);
            }
        }
        return closed;
    }

    private Set<LocalDate> earlyCloses(int year) {
        Set<LocalDate> early = new TreeSet<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (rules.closure(d).isEmpty() && rules.closeOn(d).equals(UsEquityCalendar.EARLY_CLOSE)) {
                early.add(d);
            }
        }
        return early;
    }
}
