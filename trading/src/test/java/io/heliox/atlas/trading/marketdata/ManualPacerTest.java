package io.heliox.atlas.trading.marketdata;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManualPacerTest {

    final ManualPacer pacer = new ManualPacer();
    final List<String> ran = new ArrayList<>();

    @Test
    void tasksRunInOrderOfDueTimeTiesInOrderScheduledWithTheClockAtTheirDueTime() {
        pacer.schedule(Duration.ofMillis(30), () -> ran.add("c@" + pacer.elapsed().toMillis()));
        pacer.schedule(Duration.ofMillis(10), () -> ran.add("a@" + pacer.elapsed().toMillis()));
        pacer.schedule(Duration.ofMillis(10), () -> ran.add("b@" + pacer.elapsed().toMillis()));
        pacer.schedule(Duration.ofMillis(-5), () -> ran.add("now@" + pacer.elapsed().toMillis()));

        pacer.advance(Duration.ofMillis(29));
        assertThat(ran).containsExactly("now@0", "a@10", "b@10");
        assertThat(pacer.elapsed()).isEqualTo(Duration.ofMillis(29));

        pacer.advance(Duration.ofMillis(1));
        assertThat(ran).containsExactly("now@0", "a@10", "b@10", "c@30");
    }

    @Test
    void aTaskScheduledByATaskRunsInTheSameAdvanceWhenItFallsDue() {
        pacer.schedule(Duration.ofMillis(10), () -> {
            ran.add("first@" + pacer.elapsed().toMillis());
            pacer.schedule(Duration.ofMillis(10), () -> ran.add("second@" + pacer.elapsed().toMillis()));
            pacer.schedule(Duration.ofMillis(100), () -> ran.add("later"));
        });

        pacer.advance(Duration.ofMillis(50));

        assertThat(ran).containsExactly("first@10", "second@20");
        assertThat(pacer.pending()).isEqualTo(1);
    }

    @Test
    void aCancelledTaskNeverRunsAndTimeDoesNotRunBackwards() {
        Pacer.Scheduled task = pacer.schedule(Duration.ofMillis(10), () -> ran.add("cancelled"));
        task.cancel();

        pacer.advance(Duration.ofSeconds(1));

        assertThat(ran).isEmpty();
        assertThat(pacer.pending()).isZero();
        assertThatThrownBy(() -> pacer.advance(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
