package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.marketdata.Bar;
import io.heliox.atlas.trading.order.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random sequences of every kind of message, for three instruments (one never priced), in any
 * order and with times spread around the check's: {@link StalenessGuard#check} equals the answer
 * recomputed from the whole sequence the obvious way, and does not depend on the order of arrival.
 * Times are whole milliseconds within a few max ages, so the boundaries (exactly the max age) come up.
 */
class StalenessGuardPropertiesTest {

    static final InstrumentId EURUSD = InstrumentId.parse("EURUSD.OANDA");
    static final InstrumentId XAUUSD = InstrumentId.parse("XAUUSD.OANDA");
    static final InstrumentId AAPL = InstrumentId.parse("AAPL.XNAS");
    static final List<InstrumentId> IDS = List.of(EURUSD, XAUUSD, AAPL);
    static final Instant T0 = Instant.parse("2026-03-04T15:00:00Z");
    /** Message times lie in [T0, T0 + SPAN] ms; max ages are a few ms to the whole span. */
    static final long SPAN = 40;

    @Property(tries = 1_000)
    void theCheckIsTheRecomputedAnswer(@ForAll("sequences") List<MarketData> messages,
                                       @ForAll @IntRange(min = 1, max = (int) SPAN) int defaultMaxAge,
                                       @ForAll @IntRange(min = 1, max = (int) SPAN) int xauMaxAge,
                                       @ForAll @LongRange(min = -5, max = SPAN + 50) long nowMillis,
                                       @ForAll long shuffleSeed) {
        Map<InstrumentId, Duration> overrides = Map.of(XAUUSD, Duration.ofMillis(xauMaxAge));
        StalenessGuard guard = new StalenessGuard(Duration.ofMillis(defaultMaxAge), overrides);
        messages.forEach(guard::record);
        StalenessGuard shuffled = new StalenessGuard(Duration.ofMillis(defaultMaxAge), overrides);
        List<MarketData> reordered = new ArrayList<>(messages);
        Collections.shuffle(reordered, new Random(shuffleSeed));
        reordered.forEach(shuffled::record);

        Instant now = T0.plusMillis(nowMillis);
        for (InstrumentId id : IDS) {
            Duration limit = Duration.ofMillis(id.equals(XAUUSD) ? xauMaxAge : defaultMaxAge);
            Freshness expected = recompute(messages, id, now, limit);
            assertThat(guard.check(id, now)).as("%s at %s after %s", id, now, messages).isEqualTo(expected);
            assertThat(shuffled.check(id, now)).isEqualTo(expected);
        }
    }

    /** The rule as the class comment states it, from the whole sequence at once. */
    static Freshness recompute(List<MarketData> messages, InstrumentId id, Instant now, Duration limit) {
        Instant lastAny = null;
        Instant lastPrice = null;
        for (MarketData m : messages) {
            if (lastAny == null || m.time().isAfter(lastAny)) {
                lastAny = m.time();
            }
            if (!(m instanceof Heartbeat) && m.instrumentId().equals(id)
                    && (lastPrice == null || m.time().isAfter(lastPrice))) {
                lastPrice = m.time();
            }
        }
        if (lastAny == null) {
            return new Stale(id, StaleReason.FEED_SILENT, null, limit);
        }
        Duration silence = lastAny.isAfter(now) ? Duration.ZERO : Duration.between(lastAny, now);
        if (silence.compareTo(limit) > 0) {
            return new Stale(id, StaleReason.FEED_SILENT, silence, limit);
        }
        if (lastPrice == null) {
            return new Stale(id, StaleReason.NO_PRICE, null, limit);
        }
        Duration age = lastPrice.isAfter(now) ? Duration.ZERO : Duration.between(lastPrice, now);
        return age.compareTo(limit) > 0 ? new Stale(id, StaleReason.STALE, age, limit) : new Fresh(id, age, limit);
    }

    @Provide
    Arbitrary<List<MarketData>> sequences() {
        return message().list().ofMaxSize(12);
    }

    /** Any message for EURUSD or XAUUSD (AAPL is never priced), or a heartbeat of either or of the whole feed. */
    Arbitrary<MarketData> message() {
        Arbitrary<InstrumentId> priced = Arbitraries.of(EURUSD, XAUUSD);
        Arbitrary<Instant> time = Arbitraries.longs().between(0, SPAN).map(T0::plusMillis);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        return Combinators.combine(kind, priced, time).as(StalenessGuardPropertiesTest::message);
    }

    static MarketData message(int kind, InstrumentId id, Instant time) {
        BigDecimal one = BigDecimal.ONE;
        return switch (kind) {
            case 0 -> new Quote(id, one, one, one, one, time);
            case 1 -> new Trade(id, one, one, time);
            case 2 -> new DepthUpdate(id, Side.SELL, one, one, time);
            // a bar closing at time: its open is a period earlier
            case 3 -> new BarClosed(id, new Bar(time.minusMillis(7), 1, 1, 1, 1, 1), Duration.ofMillis(7));
            case 4 -> new Heartbeat(id, time);
            default -> new Heartbeat(null, time);
        };
    }

    @Property(tries = 200)
    void aHeartbeatNeverChangesAPricesAge(@ForAll @Size(max = 20) List<@LongRange(min = 0, max = SPAN) Long> beats) {
        StalenessGuard guard = new StalenessGuard(Duration.ofMillis(SPAN + 1));
        guard.record(new Trade(EURUSD, BigDecimal.ONE, BigDecimal.ONE, T0));
        beats.forEach(b -> guard.record(new Heartbeat(b % 2 == 0 ? EURUSD : null, T0.plusMillis(b))));

        assertThat(guard.check(EURUSD, T0.plusMillis(SPAN))).isEqualTo(
                new Fresh(EURUSD, Duration.ofMillis(SPAN), Duration.ofMillis(SPAN + 1)));
    }
}
