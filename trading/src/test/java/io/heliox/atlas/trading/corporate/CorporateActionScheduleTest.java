package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorporateActionScheduleTest {

    /** Ex-date Tuesday 20 January 2026, the day after Martin Luther King Jr. Day; paid 10 February. */
    static final CashDividend DIVIDEND = new CashDividend("div-1", AAPL.id(), d("0.25"), LocalDate.of(2026, 1, 20),
            LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 10));
    /** Effective Monday 6 April 2026, the first session after Good Friday. */
    static final Split SPLIT = new Split("split-1", AAPL.id(), SplitRatio.of(3, 2), LocalDate.of(2026, 4, 6));

    static final Instant FRIDAY_OPEN = Instant.parse("2026-01-16T14:30:00Z");   // 09:30 New York
    static final Instant FRIDAY_CLOSE = Instant.parse("2026-01-16T21:00:00Z");  // 16:00 New York
    static final Instant EX_DATE_MORNING = Instant.parse("2026-01-20T15:00:00Z");
    static final Instant PAY_DATE_START = Instant.parse("2026-02-10T05:00:00Z"); // 00:00 New York

    /** A session's books driven through time: the schedule advanced up to each fill before the fill is booked. */
    static final class Driver {
        final CorporateActionSchedule schedule;
        CorporateBooks books;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<CorporateActionEvent> events = new ArrayList<>();

        Driver(CorporateActionSchedule schedule, CorporateBooks books) {
            this.schedule = schedule;
            this.books = books;
        }

        Driver advanceTo(Instant to) {
            CorporateOutcome outcome = schedule.advance(books, now, to, ALL, Map.of(AAPL.id(), d("180.00")));
            books = outcome.books();
            events.addAll(outcome.events());
            now = to;
            return this;
        }

        Driver fill(Instant at, Side side, String quantity) {
            advanceTo(at);
            books = books.withAccount(books.account().apply(
                    new Fill("c", AAPL.id(), side, d(quantity), d("150.00"), BigDecimal.ZERO, "USD", at)));
            return this;
        }

        <T extends CorporateActionEvent> List<T> only(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    static Driver driver(BigDecimal withholding) {
        return new Driver(CorporateActionSchedule.usEquities(List.of(DIVIDEND), 1),
                CorporateBooks.of(Account.withCash("USD", d("100000")), List.of()).withWithholdingRate(withholding));
    }

    @Test
    void theMomentsFollowTheTradingCalendarAroundAHolidayWeekend() {
        CorporateActionSchedule oneDay = CorporateActionSchedule.usEquities(List.of(DIVIDEND, SPLIT), 1);
        assertThat(oneDay.warningAt(DIVIDEND)).isEqualTo(FRIDAY_OPEN);   // not Monday: the exchange is shut
        assertThat(oneDay.settlesAt(DIVIDEND)).isEqualTo(FRIDAY_CLOSE);
        assertThat(oneDay.paysAt(DIVIDEND)).isEqualTo(PAY_DATE_START);
        assertThat(oneDay.warningAt(SPLIT)).isEqualTo(Instant.parse("2026-04-02T13:30:00Z")); // Thursday, before Good Friday
        assertThat(oneDay.settlesAt(SPLIT)).isEqualTo(Instant.parse("2026-04-02T20:00:00Z"));
        CorporateActionSchedule twoDays = CorporateActionSchedule.usEquities(List.of(DIVIDEND, SPLIT), 2);
        assertThat(twoDays.warningAt(DIVIDEND)).isEqualTo(Instant.parse("2026-01-15T14:30:00Z"));
        assertThat(twoDays.warningAt(SPLIT)).isEqualTo(Instant.parse("2026-04-01T13:30:00Z"));
    }

    @Test
    void eachWarningIsEmittedOnceAtItsMomentWhateverTheStepsTheClockTakes() {
        CorporateActionSchedule schedule = CorporateActionSchedule.usEquities(List.of(DIVIDEND, SPLIT), 1);
        for (Duration step : List.of(Duration.ofMinutes(1), Duration.ofMinutes(37), Duration.ofHours(5), Duration.ofDays(3))) {
            Driver driver = new Driver(schedule, CorporateBooks.of(Account.withCash("USD", d("1")), List.of()));
            for (Instant t = driver.now; t.isBefore(Instant.parse("2026-05-01T00:00:00Z")); t = t.plus(step)) {
                driver.advanceTo(t.plus(step));
            }
            List<CorporateActionWarning> warnings = driver.only(CorporateActionWarning.class);
            assertThat(warnings).extracting(CorporateActionWarning::actionId).containsExactly("div-1", "split-1");
            assertThat(warnings).extracting(CorporateActionWarning::at)
                    .containsExactly(FRIDAY_OPEN, Instant.parse("2026-04-02T13:30:00Z"));
            assertThat(warnings.get(0).settlesAt()).isEqualTo(FRIDAY_CLOSE);
            assertThat(warnings.get(0).effectiveDate()).isEqualTo(LocalDate.of(2026, 1, 20));
        }
    }

    @Test
    void theWarningComesBeforeTheEntitlementAndThePayment() {
        Driver driver = driver(BigDecimal.ZERO).fill(Instant.parse("2026-01-05T15:00:00Z"), Side.BUY, "100");
        BigDecimal cashBefore = driver.books.account().cash("USD");
        driver.advanceTo(FRIDAY_CLOSE.minusNanos(1));
        assertThat(driver.events).hasSize(1).first().isInstanceOf(CorporateActionWarning.class);
        driver.advanceTo(FRIDAY_CLOSE);
        DividendEntitled entitled = driver.only(DividendEntitled.class).get(0);
        assertThat(entitled.at()).isEqualTo(FRIDAY_CLOSE);
        assertThat(entitled.quantity()).isEqualByComparingTo("100");
        assertThat(entitled.gross()).isEqualByComparingTo("25");
        assertThat(entitled.net()).isEqualByComparingTo("25");
        assertThat(driver.books.account().cash("USD")).isEqualByComparingTo(cashBefore); // nothing moves before pay date
        driver.advanceTo(PAY_DATE_START.minusNanos(1));
        assertThat(driver.only(DividendPaid.class)).isEmpty();
        driver.advanceTo(PAY_DATE_START);
        assertThat(driver.only(DividendPaid.class)).singleElement().satisfies(paid -> {
            assertThat(paid.amount()).isEqualByComparingTo("25");
            assertThat(paid.at()).isEqualTo(PAY_DATE_START);
        });
        assertThat(driver.books.account().cash("USD")).isEqualByComparingTo(cashBefore.add(d("25")));
        assertThat(driver.books.pendingDividends()).isEmpty();
        assertThat(driver.books.account().position(AAPL.id()).orElseThrow().realised()).isZero();
    }

    @Test
    void aShortPositionPaysTheDividendInFullEvenWithWithholding() {
        Driver driver = driver(d("0.15")).fill(Instant.parse("2026-01-05T15:00:00Z"), Side.SELL, "100");
        BigDecimal cashBefore = driver.books.account().cash("USD");
        driver.advanceTo(Instant.parse("2026-03-01T00:00:00Z"));
        DividendEntitled entitled = driver.only(DividendEntitled.class).get(0);
        assertThat(entitled.quantity()).isEqualByComparingTo("-100");
        assertThat(entitled.withholding()).isZero();
        assertThat(entitled.net()).isEqualByComparingTo("-25");
        assertThat(driver.books.account().cash("USD")).isEqualByComparingTo(cashBefore.subtract(d("25")));
    }

    @Test
    void aLongEntitlementHasTheAccountsTaxWithheld() {
        Driver driver = driver(d("0.15")).fill(Instant.parse("2026-01-05T15:00:00Z"), Side.BUY, "100");
        BigDecimal cashBefore = driver.books.account().cash("USD");
        driver.advanceTo(Instant.parse("2026-03-01T00:00:00Z"));
        DividendEntitled entitled = driver.only(DividendEntitled.class).get(0);
        assertThat(entitled.withholding()).isEqualByComparingTo("3.75");
        assertThat(entitled.net()).isEqualByComparingTo("21.25");
        assertThat(driver.books.account().cash("USD")).isEqualByComparingTo(cashBefore.add(d("21.25")));
    }

    @Test
    void aPositionClosedBeforeTheExDateIsNotEntitled() {
        Driver driver = driver(BigDecimal.ZERO)
                .fill(Instant.parse("2026-01-05T15:00:00Z"), Side.BUY, "100")
                .fill(FRIDAY_CLOSE.minusSeconds(60), Side.SELL, "100");
        BigDecimal cashBefore = driver.books.account().cash("USD");
        driver.advanceTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(driver.events).hasSize(1).first().isInstanceOf(CorporateActionWarning.class);
        assertThat(driver.books.account().cash("USD")).isEqualByComparingTo(cashBefore);
    }

    @Test
    void aPositionBoughtOnTheExDateIsNotEntitled() {
        Driver driver = driver(BigDecimal.ZERO).fill(EX_DATE_MORNING, Side.BUY, "100");
        BigDecimal cashBefore = driver.books.account().cash("USD");
        driver.advanceTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(driver.only(DividendEntitled.class)).isEmpty();
        assertThat(driver.only(DividendPaid.class)).isEmpty();
        assertThat(driver.books.account().cash("USD")).isEqualByComparingTo(cashBefore);
    }

    @Test
    void aPositionSoldOnTheExDateIsStillPaid() {
        Driver driver = driver(BigDecimal.ZERO)
                .fill(Instant.parse("2026-01-05T15:00:00Z"), Side.BUY, "100")
                .fill(EX_DATE_MORNING, Side.SELL, "100");
        BigDecimal cashBefore = driver.books.account().cash("USD");
        driver.advanceTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(driver.only(DividendPaid.class)).singleElement()
                .satisfies(paid -> assertThat(paid.amount()).isEqualByComparingTo("25"));
        assertThat(driver.books.account().cash("USD")).isEqualByComparingTo(cashBefore.add(d("25")));
    }

    @Test
    void aSplitSettlesAtTheCloseBeforeItsEffectiveDateWithTheCallersReferencePrice() {
        Driver driver = new Driver(CorporateActionSchedule.usEquities(List.of(SPLIT), 1),
                CorporateBooks.of(Account.withCash("USD", d("100000")), List.of()))
                .fill(Instant.parse("2026-03-02T15:00:00Z"), Side.BUY, "101");
        driver.advanceTo(Instant.parse("2026-04-02T19:59:59Z"));
        assertThat(driver.books.account().quantity(AAPL.id())).isEqualByComparingTo("101");
        driver.advanceTo(Instant.parse("2026-04-06T13:30:00Z"));
        assertThat(driver.events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CorporateActionWarning", "SplitApplied", "CashInLieu");
        assertThat(driver.books.account().quantity(AAPL.id())).isEqualByComparingTo("151");
        assertThat(((CashInLieu) driver.events.get(2)).amount()).isEqualByComparingTo("60"); // 0.5 × 180 ÷ 1.5
    }

    @Test
    void anIntervalWithNothingDueLeavesTheBooksAsTheyWere() {
        CorporateActionSchedule schedule = CorporateActionSchedule.usEquities(List.of(DIVIDEND, SPLIT), 1);
        CorporateBooks books = CorporateBooks.of(Account.withCash("USD", d("5")), List.of());
        CorporateOutcome outcome = schedule.advance(books, FRIDAY_OPEN, FRIDAY_CLOSE.minusNanos(1), ALL, Map.of());
        assertThat(outcome.events()).isEmpty(); // the warning was at FRIDAY_OPEN itself: (from, to] excludes it
        assertThat(outcome.books()).isEqualTo(books);
    }

    @Test
    void invalidSchedulesAreRefused() {
        assertThatThrownBy(() -> CorporateActionSchedule.usEquities(List.of(DIVIDEND), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorporateActionSchedule.usEquities(List.of(DIVIDEND, DIVIDEND), 1))
                .hasMessageContaining("div-1");
        assertThatThrownBy(() -> new CashDividend("d", AAPL.id(), d("0.1"), LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CashDividend("d", AAPL.id(), d("0"), LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3))).isInstanceOf(IllegalArgumentException.class);
    }
}
