package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay on a real scheduler thread. No timing is asserted beyond generous upper bounds: these
 * machines are shared and slow; what must hold is order, completeness and silence after close.
 */
class BarReplayFeedRealTimeTest {

    static final InstrumentId EURUSD = InstrumentId.parse("EURUSD.OANDA");
    static final Instant START = Instant.parse("2026-03-04T15:00:00Z");

    @Test
    void twentyBarsAtFiveMillisecondsEachAllArriveInOrder() throws Exception {
        List<MarketData> received = new CopyOnWriteArrayList<>();
        try (ScheduledPacer pacer = ScheduledPacer.withOwnThread("replay-test")) {
            BarReplayFeed feed = new BarReplayFeed(EURUSD, BarReplayFeedTest.bars(20), START, Duration.ofMinutes(1),
                    ReplaySpeed.barEvery(Duration.ofMillis(5)), pacer);

            BarReplay replay = feed.subscribe(Set.of(EURUSD), received::add);

            assertThat(replay.finished().get(30, TimeUnit.SECONDS)).isEqualTo(ReplayEnd.END_OF_SERIES);
            assertThat(received).hasSize(20);
            for (int i = 0; i < 20; i++) {
                assertThat(received.get(i)).isEqualTo(feed.message(i));
            }
        }
    }

    @Test
    void nothingArrivesAfterCloseReturns() throws Exception {
        List<MarketData> received = new CopyOnWriteArrayList<>();
        CountDownLatch someArrived = new CountDownLatch(3);
        try (ScheduledPacer pacer = ScheduledPacer.withOwnThread("replay-test")) {
            BarReplayFeed feed = new BarReplayFeed(EURUSD, BarReplayFeedTest.bars(10_000), START, Duration.ofMinutes(1),
                    ReplaySpeed.barEvery(Duration.ofMillis(1)), pacer);
            BarReplay replay = feed.subscribe(Set.of(EURUSD), m -> {
                received.add(m);
                someArrived.countDown();
            });
            assertThat(someArrived.await(30, TimeUnit.SECONDS)).isTrue();

            replay.close();
            int atClose = received.size();
            Thread.sleep(50);

            assertThat(received).hasSize(atClose);
            assertThat(replay.finished()).isCompletedWithValue(ReplayEnd.CLOSED);
            assertThat(replay.nextBar()).isEqualTo(atClose);
        }
    }
}
