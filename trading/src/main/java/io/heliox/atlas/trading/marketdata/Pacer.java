package io.heliox.atlas.trading.marketdata;

import java.time.Duration;

/**
 * Wall time for a replay: a monotonic reading and a way to run something later. The one place a
 * {@link BarReplayFeed} meets the wall clock, so that the feed's logic never sleeps or reads a
 * clock itself: {@link ScheduledPacer} paces a paper session in real wall time, {@link ManualPacer}
 * lets a test (or a caller that wants the bars at once) move time by hand, deterministically.
 */
public interface Pacer {

    /** A monotonic reading in nanoseconds, meaningful only as a difference from another ({@link System#nanoTime()}). */
    long nanoTime();

    /**
     * Runs {@code task} once, {@code delay} after now (zero or less: as soon as possible). Tasks may
     * run on another thread than the caller's; a task scheduled from inside a task runs after it.
     */
    Scheduled schedule(Duration delay, Runnable task);

    /** A task not yet run. */
    interface Scheduled {

        /** Keeps the task from running if it has not started; does nothing otherwise. */
        void cancel();
    }
}
