package io.heliox.atlas.trading.risk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.heliox.atlas.trading.TestInstruments.WEDNESDAY_MORNING;
import static org.assertj.core.api.Assertions.assertThat;

/** A rate window resized for a changed limit keeps the recent events it still counts. */
class RateWindowTest {

    private static final Instant T = WEDNESDAY_MORNING;

    private static RateWindow after(RateLimit limit, int events, Duration apart) {
        RateWindow window = RateWindow.of(limit);
        for (int i = 0; i < events; i++) {
            window.record(T.plus(apart.multipliedBy(i)));
        }
        return window;
    }

    @Test
    void loweredTheNewLimitCountsTheLatestEventsAndAdmitsNoMoreUntilTheyAge() {
        RateWindow window = after(RateLimit.perSecond(100), 50, Duration.ofMillis(10)); // the last at T + 490 ms
        Instant now = T.plusMillis(500);
        RateWindow lowered = window.resized(RateLimit.perSecond(10));

        assertThat(lowered.limit()).isEqualTo(RateLimit.perSecond(10));
        assertThat(lowered.countAt(now)).isEqualTo(10);
        assertThat(lowered.admits(now)).isFalse();
        // the oldest kept is T + 400 ms: one more is admitted once it has left the window
        assertThat(lowered.admits(T.plusMillis(1400))).isTrue();
        assertThat(lowered.admits(T.plusMillis(1399))).isFalse();
    }

    @Test
    void raisedItKeepsEveryEventAndAWrappedRingStaysInTimeOrder() {
        RateWindow window = after(RateLimit.perSecond(4), 7, Duration.ofMillis(100)); // ring wrapped: T+300..T+600
        RateWindow raised = window.resized(RateLimit.perSecond(6));
        Instant now = T.plusMillis(600);

        assertThat(raised.countAt(now)).isEqualTo(4);
        assertThat(raised.admits(now)).isTrue();
        raised.record(now);
        raised.record(now);
        assertThat(raised.admits(now)).as("6 in the window").isFalse();
        assertThat(raised.admits(T.plusMillis(1300))).as("T + 300 ms, the oldest, has aged out").isTrue();
    }

    @Test
    void noLimitKeepsNothingSoALimitSetLaterCountsFromThen() {
        RateWindow none = after(null, 5, Duration.ofMillis(1));
        RateWindow limited = none.resized(RateLimit.perSecond(2));
        assertThat(limited.countAt(T.plusMillis(5))).isZero();
        assertThat(limited.admits(T.plusMillis(5))).isTrue();
        assertThat(none.resized(null).admits(T)).isTrue();
    }
}
