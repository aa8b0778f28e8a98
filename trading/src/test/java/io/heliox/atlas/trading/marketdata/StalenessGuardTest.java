package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.marketdata.Bar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StalenessGuardTest {

    static final InstrumentId EURUSD = InstrumentId.parse("EURUSD.OANDA");
    static final InstrumentId XAUUSD = InstrumentId.parse("XAUUSD.OANDA");
    static final Instant T0 = Instant.parse("2026-03-04T15:00:00Z");
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    final StalenessGuard guard = new StalenessGuard(MAX_AGE);

    static Quote quote(InstrumentId id, Instant time) {
        return new Quote(id, new BigDecimal("1.08001"), BigDecimal.ONE, new BigDecimal("1.08003"), BigDecimal.ONE, time);
    }

    static Stale stale(Freshness freshness) {
        assertThat(freshness).isInstanceOf(Stale.class);
        return (Stale) freshness;
    }

    @Test
    void aRecentPriceIsFresh() {
        guard.record(quote(EURUSD, T0));

        Freshness f = guard.check(EURUSD, T0.plusSeconds(5));

        assertThat(f).isEqualTo(new Fresh(EURUSD, Duration.ofSeconds(5), MAX_AGE));
        assertThat(f.isFresh()).isTrue();
        assertThat(((Fresh) f).detail()).isEqualTo("EURUSD.OANDA: the last price is 5 s old, within the 30 s allowed");
    }

    @Test
    void exactlyTheMaxAgeIsFreshAndANanosecondMoreIsStale() {
        guard.record(quote(EURUSD, T0));

        assertThat(guard.check(EURUSD, T0.plus(MAX_AGE))).isEqualTo(new Fresh(EURUSD, MAX_AGE, MAX_AGE));

        // the feed went silent at the same moment the price went stale: the feed is the reason
        Stale silent = stale(guard.check(EURUSD, T0.plus(MAX_AGE).plusNanos(1)));
        assertThat(silent.reason()).isEqualTo(StaleReason.FEED_SILENT);
        assertThat(silent.age()).isEqualTo(MAX_AGE.plusNanos(1));
    }

    @Test
    void anOldPriceOnALiveFeedIsStale() {
        guard.record(quote(EURUSD, T0));
        guard.record(quote(XAUUSD, T0.plusSeconds(40)));

        Stale s = stale(guard.check(EURUSD, T0.plusSeconds(45)));

        assertThat(s).isEqualTo(new Stale(EURUSD, StaleReason.STALE, Duration.ofSeconds(45), MAX_AGE));
        assertThat(s.code()).isEqualTo("marketdata.stale");
        assertThat(s.detail()).isEqualTo(
                "EURUSD.OANDA: the last price is 45 s old, older than the 30 s allowed (marketdata.stale)");
        assertThat(guard.check(EURUSD, T0.plusSeconds(30))).isInstanceOf(Fresh.class);
    }

    @Test
    void heartbeatsKeepTheFeedAliveButNeverMakeAPriceFresh() {
        guard.record(quote(EURUSD, T0));
        for (int s = 10; s <= 120; s += 10) {
            guard.record(new Heartbeat(EURUSD, T0.plusSeconds(s)));
            guard.record(new Heartbeat(null, T0.plusSeconds(s)));
        }

        Stale s = stale(guard.check(EURUSD, T0.plusSeconds(120)));

        assertThat(s.reason()).isEqualTo(StaleReason.STALE);
        assertThat(s.age()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void noPriceEverOnALiveFeed() {
        guard.record(new Heartbeat(null, T0));
        guard.record(quote(XAUUSD, T0));

        Stale s = stale(guard.check(EURUSD, T0.plusSeconds(1)));

        assertThat(s).isEqualTo(new Stale(EURUSD, StaleReason.NO_PRICE, null, MAX_AGE));
        assertThat(s.code()).isEqualTo("marketdata.no_price");
        assertThat(s.detail()).isEqualTo("EURUSD.OANDA: no price has arrived yet (marketdata.no_price)");
    }

    @Test
    void aFeedThatNeverSaidAnythingIsSilent() {
        Stale s = stale(guard.check(EURUSD, T0));

        assertThat(s).isEqualTo(new Stale(EURUSD, StaleReason.FEED_SILENT, null, MAX_AGE));
        assertThat(s.code()).isEqualTo("marketdata.feed_silent");
        assertThat(s.detail()).isEqualTo("EURUSD.OANDA: the feed has sent nothing yet (marketdata.feed_silent)");
    }

    @Test
    void aFeedSilentForLongerThanTheMaxAgeIsTheReasonEvenWithoutAPrice() {
        guard.record(new Heartbeat(null, T0));

        Stale s = stale(guard.check(EURUSD, T0.plusMillis(30_500)));

        assertThat(s).isEqualTo(new Stale(EURUSD, StaleReason.FEED_SILENT, Duration.ofMillis(30_500), MAX_AGE));
        assertThat(s.detail()).isEqualTo("EURUSD.OANDA: the feed has sent nothing for 30.5 s, more than the 30 s "
                + "allowed (marketdata.feed_silent)");
    }

    @Test
    void aMessageOlderThanWhatIsRememberedMovesNothingBackwards() {
        guard.record(quote(EURUSD, T0.plusSeconds(20)));
        guard.record(quote(EURUSD, T0));
        guard.record(new Heartbeat(null, T0.minusSeconds(100)));

        assertThat(guard.check(EURUSD, T0.plusSeconds(40))).isEqualTo(new Fresh(EURUSD, Duration.ofSeconds(20), MAX_AGE));
    }

    @Test
    void aClosedBarIsAPriceAtItsCloseTime() {
        Bar bar = new Bar(T0, 1.08, 1.09, 1.07, 1.085, 1_000);
        guard.record(new BarClosed(EURUSD, bar, Duration.ofMinutes(1)));

        // opened a minute and 10 s ago, closed 10 s ago
        assertThat(guard.check(EURUSD, T0.plusSeconds(70))).isEqualTo(new Fresh(EURUSD, Duration.ofSeconds(10), MAX_AGE));
    }

    @Test
    void tradesAndDepthArePricesToo() {
        guard.record(new Trade(EURUSD, new BigDecimal("1.08"), BigDecimal.TEN, T0));
        guard.record(new DepthUpdate(XAUUSD, io.heliox.atlas.trading.order.Side.BUY, new BigDecimal("2900"),
                BigDecimal.ZERO, T0));

        assertThat(guard.check(EURUSD, T0).isFresh()).isTrue();
        assertThat(guard.check(XAUUSD, T0).isFresh()).isTrue();
    }

    @Test
    void aPriceStampedAfterNowIsAgeZero() {
        guard.record(quote(EURUSD, T0.plusSeconds(3)));

        assertThat(guard.check(EURUSD, T0)).isEqualTo(new Fresh(EURUSD, Duration.ZERO, MAX_AGE));
    }

    @Test
    void anInstrumentMayHaveItsOwnMaxAge() {
        StalenessGuard guard = new StalenessGuard(MAX_AGE, Map.of(XAUUSD, Duration.ofMinutes(5)));
        guard.record(quote(EURUSD, T0));
        guard.record(quote(XAUUSD, T0));
        guard.record(new Heartbeat(null, T0.plusSeconds(60)));

        assertThat(guard.maxAge(XAUUSD)).isEqualTo(Duration.ofMinutes(5));
        assertThat(guard.maxAge(EURUSD)).isEqualTo(MAX_AGE);
        assertThat(guard.check(XAUUSD, T0.plusSeconds(60))).isEqualTo(
                new Fresh(XAUUSD, Duration.ofSeconds(60), Duration.ofMinutes(5)));
        assertThat(stale(guard.check(EURUSD, T0.plusSeconds(60))).reason()).isEqualTo(StaleReason.STALE);
    }

    @Test
    void maxAgesMustBePositive() {
        assertThatThrownBy(() -> new StalenessGuard(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StalenessGuard(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StalenessGuard(MAX_AGE, Map.of(EURUSD, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EURUSD.OANDA");
    }

    @Test
    void aStaleAnswerHasAnAgeExactlyWhenItHasOne() {
        assertThatThrownBy(() -> new Stale(EURUSD, StaleReason.STALE, null, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stale(EURUSD, StaleReason.NO_PRICE, Duration.ZERO, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsReadAsWords() {
        assertThat(InWords.duration(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(InWords.duration(Duration.ofNanos(1_500_000))).isEqualTo("1.5 ms");
        assertThat(InWords.duration(Duration.ZERO)).isEqualTo("0 ms");
        assertThat(InWords.duration(Duration.ofMillis(1_500))).isEqualTo("1.5 s");
        assertThat(InWords.duration(Duration.ofHours(1))).isEqualTo("3600 s");
    }
}
