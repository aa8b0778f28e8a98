package io.heliox.atlas.trading.calendar;

import io.heliox.atlas.trading.instrument.AssetClass;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every calendar promises, at random instants from 2000 to 2040: the next open is open and
 * nothing before it (from t) is; the next close ends the session t is in; status and isOpen agree.
 * Gaps are sampled at whole-minute steps plus the nanosecond before each edge.
 */
class TradingCalendarPropertiesTest {

    private static final long FROM = 946_684_800L;   // 2000-01-01T00:00:00Z
    private static final long TO = 2_208_988_800L;   // 2040-01-01T00:00:00Z
    private static final int SAMPLES = 40;

    @Property(tries = 500)
    void nothingOpensBeforeTheNextOpen(@ForAll AssetClass assetClass,
                                       @ForAll @LongRange(min = FROM, max = TO) long second,
                                       @ForAll @LongRange(min = 0, max = 999_999_999) long nano) {
        TradingCalendar calendar = TradingCalendars.forAssetClass(assetClass);
        Instant t = Instant.ofEpochSecond(second, nano);
        Instant open = calendar.nextOpen(t);

        assertThat(open).isAfterOrEqualTo(t);
        assertThat(calendar.isOpen(open)).isTrue();
        if (open.isAfter(t)) {
            assertThat(calendar.isOpen(t)).isFalse();
            assertThat(calendar.isOpen(open.minusNanos(1))).isFalse();
            for (Instant s : minuteSamples(t, open)) {
                assertThat(calendar.isOpen(s)).as("%s before the open at %s", s, open).isFalse();
            }
        } else {
            assertThat(calendar.isOpen(t)).isTrue();
        }
    }

    @Property(tries = 500)
    void theNextCloseEndsTheSessionThatIsOpen(@ForAll AssetClass assetClass,
                                              @ForAll @LongRange(min = FROM, max = TO) long second) {
        TradingCalendar calendar = TradingCalendars.forAssetClass(assetClass);
        Instant t = Instant.ofEpochSecond(second);
        Optional<Instant> close = calendar.nextClose(t);
        if (assetClass == AssetClass.CRYPTO) {
            assertThat(close).isEmpty();
            return;
        }
        assertThat(close).isPresent();
        Instant end = close.get();
        assertThat(end).isAfter(t);
        assertThat(calendar.isOpen(end)).isFalse();
        assertThat(calendar.isOpen(end.minusNanos(1))).isTrue();
        if (calendar.isOpen(t)) {
            for (Instant s : minuteSamples(t, end)) {
                assertThat(calendar.isOpen(s)).as("%s before the close at %s", s, end).isTrue();
            }
        } else {
            // closed now: the close that follows is the one of the next session
            assertThat(close).isEqualTo(calendar.nextClose(calendar.nextOpen(t)));
        }
    }

    @Property(tries = 500)
    void theStatusExplainsItself(@ForAll AssetClass assetClass, @ForAll @LongRange(min = FROM, max = TO) long second) {
        TradingCalendar calendar = TradingCalendars.forAssetClass(assetClass);
        Instant t = Instant.ofEpochSecond(second);
        MarketStatus status = calendar.status(t);
        assertThat(status.reason()).isNotBlank();
        assertThat(calendar.isOpen(t)).isEqualTo(status.session() == Session.OPEN);
        assertThat(calendar.closedReason(t).isPresent()).isEqualTo(!calendar.isOpen(t));
        if (assetClass != AssetClass.EQUITY) {
            // extended hours are the equities' alone
            assertThat(status.session()).isIn(Session.OPEN, Session.CLOSED);
        }
    }

    /** {@code from} and whole-minute steps after it, up to {@link #SAMPLES} spread evenly, all before {@code to}. */
    private static List<Instant> minuteSamples(Instant from, Instant to) {
        long step = Math.max(1, Duration.between(from, to).toMinutes() / SAMPLES);
        List<Instant> samples = new ArrayList<>();
        for (Instant s = from; s.isBefore(to) && samples.size() <= SAMPLES; s = s.plus(Duration.ofMinutes(step))) {
            samples.add(s);
        }
        return samples;
    }
}
