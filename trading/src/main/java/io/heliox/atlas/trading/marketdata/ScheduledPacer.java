package io.heliox.atlas.trading.marketdata;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A pacer in real wall time: {@link System#nanoTime()} and a {@link ScheduledExecutorService}. What a
 * paper session's replay runs on.
 */
public final class ScheduledPacer implements Pacer, AutoCloseable {

    private final ScheduledExecutorService executor;
    private final boolean owned;

    /** Schedules on {@code executor}, which the caller owns (and shuts down). */
    public ScheduledPacer(ScheduledExecutorService executor) {
        this(executor, false);
    }

    private ScheduledPacer(ScheduledExecutorService executor, boolean owned) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.owned = owned;
    }

    /** A pacer with a thread of its own (a daemon named {@code threadName}), ended by {@link #close()}. */
    public static ScheduledPacer withOwnThread(String threadName) {
        return new ScheduledPacer(Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        }), true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Shuts down the thread this pacer made; a caller's executor is the caller's to shut down. */
    @Override
    public void close() {
        if (owned) {
            executor.shutdownNow();
        }
    }
}
