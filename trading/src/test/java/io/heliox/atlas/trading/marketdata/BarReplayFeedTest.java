package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import io.heliox.atlas.trading.instrument.InstrumentId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay under a {@link ManualPacer}: deterministic, and no wall time passes. */
class BarReplayFeedTest {

    static final InstrumentId EURUSD = InstrumentId.parse("EURUSD.OANDA");
    static final Instant START = Instant.parse("2026-03-04T15:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration FAST = Duration.ofMillis(100);

    final ManualPacer pacer = new ManualPacer();
    final List<MarketData> received = new ArrayList<>();

    /** n bars with distinct, recognisable prices: bar i opens at 100 + i. */
    static Bars bars(int n) {
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = START.toEpochMilli() + i * MINUTE.toMillis();
            open[i] = 100 + i;
            high[i] = 100.75 + i;
            low[i] = 99.5 + i;
            close[i] = 100.25 + i;
            volume[i] = 1_000 + i;
        }
        return new Bars(time, open, high, low, close, volume, 0);
    }

    BarReplayFeed feed(Bars bars, ReplaySpeed speed) {
        return new BarReplayFeed(EURUSD, bars, START, MINUTE, speed, pacer);
    }

    List<BarClosed> barsReceived() {
        return received.stream().filter(BarClosed.class::isInstance).map(BarClosed.class::cast).toList();
    }

    List<Integer> indexesReceived() {
        // bar i opens i minutes after START
        return barsReceived().stream()
                .map(b -> (int) Duration.between(START, b.bar().openTime()).dividedBy(MINUTE)).toList();
    }

    @Test
    void everyBarArrivesInOrderWithItsTimesAndTheColumnsPrices() {
        Bars bars = bars(8);
        BarReplay replay = feed(bars, ReplaySpeed.barEvery(FAST)).subscribe(Set.of(EURUSD), received::add);

        pacer.advance(FAST.multipliedBy(8));

        assertThat(received).hasSize(8).allMatch(m -> m instanceof BarClosed);
        for (int i = 0; i < 8; i++) {
            BarClosed m = barsReceived().get(i);
            assertThat(m.instrumentId()).isEqualTo(EURUSD);
            assertThat(m.period()).isEqualTo(MINUTE);
            assertThat(m.bar().openTime()).isEqualTo(START.plus(MINUTE.multipliedBy(i)));
            assertThat(m.time()).isEqualTo(START.plus(MINUTE.multipliedBy(i + 1)));
            assertThat(m.bar().open()).isEqualTo(bars.open()[i]);
            assertThat(m.bar().high()).isEqualTo(bars.high()[i]);
            assertThat(m.bar().low()).isEqualTo(bars.low()[i]);
            assertThat(m.bar().close()).isEqualTo(bars.close()[i]);
            assertThat(m.bar().volume()).isEqualTo(bars.volume()[i]);
        }
        assertThat(replay.finished()).isCompletedWithValue(ReplayEnd.END_OF_SERIES);
        assertThat(replay.nextBar()).isEqualTo(8);
        assertThat(pacer.pending()).isZero();
    }

    @Test
    void nothingArrivesUntilThePacerAdvancesAndThenOneBarPerWallTime() {
        BarReplay replay = feed(bars(5), ReplaySpeed.barEvery(FAST)).subscribe(Set.of(EURUSD), received::add);
        assertThat(received).isEmpty();

        pacer.advance(FAST.minusNanos(1));
        assertThat(received).isEmpty();

        pacer.advance(Duration.ofNanos(1));
        assertThat(indexesReceived()).containsExactly(0);

        pacer.advance(FAST.multipliedBy(2).minusNanos(1));
        assertThat(indexesReceived()).containsExactly(0, 1);
        assertThat(replay.isDone()).isFalse();

        pacer.advance(Duration.ofDays(1));
        assertThat(indexesReceived()).containsExactly(0, 1, 2, 3, 4);
        assertThat(replay.isDone()).isTrue();
    }

    @Test
    void aLateTickDeliversWhatFellDueInOrderWithoutDrift() {
        feed(bars(10), ReplaySpeed.barEvery(FAST)).subscribe(Set.of(EURUSD), received::add);

        pacer.advance(Duration.ofMillis(350));
        assertThat(indexesReceived()).containsExactly(0, 1, 2);
        pacer.advance(Duration.ofMillis(50));     // 400 ms: bar 3 is due exactly now
        assertThat(indexesReceived()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void resumingAtBarKDeliversExactlyTheBarsFromK() {
        BarReplayFeed feed = feed(bars(10), ReplaySpeed.barEvery(FAST));
        List<MarketData> first = new ArrayList<>();
        BarReplay before = feed.subscribe(Set.of(EURUSD), first::add);
        pacer.advance(FAST.multipliedBy(4));
        before.close();
        assertThat(before.nextBar()).isEqualTo(4);

        BarReplay after = feed.resumingAt(before.nextBar()).subscribe(Set.of(EURUSD), received::add);
        pacer.advance(Duration.ofDays(1));

        assertThat(first).hasSize(4);
        assertThat(indexesReceived()).containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(barsReceived().get(0)).isEqualTo(feed.message(4));
        assertThat(after.finished()).isCompletedWithValue(ReplayEnd.END_OF_SERIES);
        assertThat(before.finished()).isCompletedWithValue(ReplayEnd.CLOSED);
    }

    @Test
    void resumingAfterTheLastBarEndsAtOnceAndAnIndexOutsideTheSeriesIsRefused() {
        BarReplayFeed feed = feed(bars(3), ReplaySpeed.barEvery(FAST));

        BarReplay replay = feed.resumingAt(3).subscribe(Set.of(EURUSD), received::add);
        pacer.advance(Duration.ofDays(1));

        assertThat(received).isEmpty();
        assertThat(replay.finished()).isCompletedWithValue(ReplayEnd.END_OF_SERIES);
        assertThatThrownBy(() -> feed.resumingAt(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feed.resumingAt(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCloseFromTheListenerMakesTheMessageInHandTheLast() {
        BarReplay[] replay = new BarReplay[1];
        replay[0] = feed(bars(10), ReplaySpeed.barEvery(FAST)).subscribe(Set.of(EURUSD), m -> {
            received.add(m);
            if (received.size() == 3) {
                replay[0].close();
                replay[0].close();   // idempotent
            }
        });

        pacer.advance(Duration.ofDays(1));

        assertThat(indexesReceived()).containsExactly(0, 1, 2);
        assertThat(replay[0].finished()).isCompletedWithValue(ReplayEnd.CLOSED);
        assertThat(replay[0].nextBar()).isEqualTo(3);
        assertThat(pacer.pending()).isZero();
    }

    @Test
    void afterCloseNothingMoreArrives() {
        BarReplay replay = feed(bars(10), ReplaySpeed.realTime()).subscribe(Set.of(EURUSD), received::add);
        pacer.advance(MINUTE.multipliedBy(2).plusSeconds(30));
        int before = received.size();

        replay.close();
        pacer.advance(Duration.ofDays(1));

        assertThat(received).hasSize(before);
        assertThat(indexesReceived()).containsExactly(0, 1);
        assertThat(replay.isDone()).isTrue();
        assertThat(replay.finished()).isCompletedWithValue(ReplayEnd.CLOSED);
    }

    @Test
    void inRealTimeAHeartbeatEveryTenthOfAMinuteBarStampedInMarketTime() {
        BarReplayFeed feed = feed(bars(3), ReplaySpeed.realTime());
        assertThat(feed.wallPerBar()).isEqualTo(MINUTE);
        assertThat(feed.heartbeatGap()).isEqualTo(Duration.ofSeconds(6));
        assertThat(feed.heartbeatsPerBar()).isEqualTo(9);

        feed.subscribe(Set.of(EURUSD), received::add);
        pacer.advance(Duration.ofSeconds(5));
        assertThat(received).isEmpty();
        pacer.advance(Duration.ofSeconds(1));
        assertThat(received).containsExactly(new Heartbeat(EURUSD, START.plusSeconds(6)));

        pacer.advance(MINUTE.multipliedBy(3));
        assertThat(received).hasSize(3 * 10);
        for (int bar = 0; bar < 3; bar++) {
            for (int beat = 1; beat <= 9; beat++) {
                assertThat(received.get(bar * 10 + beat - 1)).isEqualTo(
                        new Heartbeat(EURUSD, START.plus(MINUTE.multipliedBy(bar)).plusSeconds(6L * beat)));
            }
            assertThat(received.get(bar * 10 + 9)).isEqualTo(feed.message(bar));
        }
    }

    @Test
    void timesNeverGoBackwards() {
        // a bar every 7 s of hour bars: heartbeats every second, each 1/7 of an hour apart in market time
        BarReplayFeed feed = new BarReplayFeed(EURUSD, bars(5), START, Duration.ofHours(1),
                ReplaySpeed.barEvery(Duration.ofSeconds(7)), pacer);
        assertThat(feed.heartbeatGap()).isEqualTo(Duration.ofSeconds(1));
        assertThat(feed.heartbeatsPerBar()).isEqualTo(6);

        feed.subscribe(Set.of(EURUSD), received::add);
        pacer.advance(Duration.ofMinutes(1));

        assertThat(received).hasSize(5 * 7);
        assertThat(received.get(0)).isEqualTo(new Heartbeat(EURUSD, START.plus(Duration.ofHours(1).dividedBy(7))));
        for (int i = 1; i < received.size(); i++) {
            assertThat(received.get(i).time()).isAfter(received.get(i - 1).time());
        }
    }

    @Test
    void fastReplaysNeedNoHeartbeats() {
        BarReplayFeed feed = feed(bars(3), ReplaySpeed.barEvery(FAST));
        assertThat(feed.heartbeatGap()).isEqualTo(Duration.ofSeconds(1));
        assertThat(feed.heartbeatsPerBar()).isZero();
        // exactly one gap per bar: the beat would fall on the bar, so there is none
        assertThat(feed(bars(3), ReplaySpeed.barEvery(Duration.ofSeconds(1))).heartbeatsPerBar()).isZero();
        assertThat(feed(bars(3), ReplaySpeed.barEvery(Duration.ofMillis(2_001))).heartbeatsPerBar()).isEqualTo(2);
    }

    @Test
    void aGuardWatchingTheReplaySeesTheFeedAliveAndThePriceAgeing() {
        StalenessGuard guard = new StalenessGuard(Duration.ofSeconds(30));
        feed(bars(3), ReplaySpeed.realTime()).subscribe(Set.of(EURUSD), guard::record);

        pacer.advance(Duration.ofSeconds(54));   // nine heartbeats, no bar yet
        assertThat(((Stale) guard.check(EURUSD, START.plusSeconds(54))).reason()).isEqualTo(StaleReason.NO_PRICE);

        pacer.advance(Duration.ofSeconds(6 + 42));   // bar 0 closed at 1 min; heartbeats to 1:42
        Stale stale = (Stale) guard.check(EURUSD, START.plusSeconds(102));
        assertThat(stale.reason()).isEqualTo(StaleReason.STALE);
        assertThat(stale.age()).isEqualTo(Duration.ofSeconds(42));
        assertThat(guard.check(EURUSD, START.plusSeconds(90)).isFresh()).isTrue();
    }

    @Test
    void aListenerThatThrowsEndsTheReplay() {
        RuntimeException boom = new IllegalStateException("boom");
        BarReplay replay = feed(bars(5), ReplaySpeed.barEvery(FAST)).subscribe(Set.of(EURUSD), m -> {
            received.add(m);
            if (received.size() == 2) {
                throw boom;
            }
        });

        pacer.advance(Duration.ofDays(1));

        assertThat(received).hasSize(2);
        assertThat(replay.finished()).failsWithin(Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class).withCause(boom);
        assertThat(replay.nextBar()).isEqualTo(2);
    }

    @Test
    void eachSubscriptionIsAReplayOfItsOwn() {
        BarReplayFeed feed = feed(bars(4), ReplaySpeed.barEvery(FAST));
        List<MarketData> other = new ArrayList<>();
        feed.subscribe(Set.of(EURUSD), received::add);
        pacer.advance(FAST.multipliedBy(2));
        feed.subscribe(Set.of(EURUSD), other::add);

        pacer.advance(Duration.ofDays(1));

        assertThat(received).hasSize(4);
        assertThat(other).isEqualTo(received);
    }

    @Test
    void onlyTheFeedsInstrumentCanBeSubscribed() {
        BarReplayFeed feed = feed(bars(4), ReplaySpeed.barEvery(FAST));

        assertThatThrownBy(() -> feed.subscribe(Set.of(), received::add)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feed.subscribe(Set.of(EURUSD, InstrumentId.parse("XAUUSD.OANDA")), received::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XAUUSD.OANDA");
        assertThat(feed.subscribe(Set.of(EURUSD), received::add).instruments()).containsExactly(EURUSD);
        assertThat(pacer.pending()).isEqualTo(1);
    }

    @Test
    void speedsAndPeriodsMustBePositive() {
        assertThatThrownBy(() -> ReplaySpeed.barEvery(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BarReplayFeed(EURUSD, bars(2), START, Duration.ZERO, ReplaySpeed.realTime(), pacer))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScenarioReplaysAtTheScenariosTimesWithItsPrices() {
        ScenarioSpec spec = ScenarioSpec.parse(resource("contracts/fixtures/valid/scenario-dsl/trend-up-mid.json"));
        Bars bars = ScenarioGenerator.generate(spec);
        BarReplayFeed feed = BarReplayFeed.ofScenario(EURUSD, spec, bars, ReplaySpeed.barEvery(FAST), pacer);
        assertThat(feed.period()).isEqualTo(Duration.ofMillis(spec.timeframe().millis()));

        BarReplay replay = feed.subscribe(Set.of(EURUSD), received::add);
        pacer.advance(FAST.multipliedBy(bars.size()));

        assertThat(replay.finished()).isCompletedWithValue(ReplayEnd.END_OF_SERIES);
        assertThat(received).hasSize(bars.size());
        IntStream.range(0, bars.size()).forEach(i -> {
            BarClosed m = (BarClosed) received.get(i);
            assertThat(m.bar().openTime().toEpochMilli()).isEqualTo(bars.time()[i]);
            assertThat(m.bar().close()).isEqualTo(bars.close()[i]);
            assertThat(m.bar().volume()).isEqualTo(bars.volume()[i]);
        });
    }

    static String resource(String name) {
        try (InputStream in = BarReplayFeedTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
