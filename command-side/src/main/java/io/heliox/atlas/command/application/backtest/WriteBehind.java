package io.heliox.atlas.command.application.backtest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Persists deterministic results after the answer has gone out. A backtest of 50k bars takes a
 * few ms; writing its files to object storage takes tens (S3 round trips), so the request does
 * not wait for them. Nothing that cannot be recomputed is written here: a crash before a write
 * completes only means the next identical request computes the same bytes again. The queue is
 * bounded; when it is full the caller writes itself (back-pressure instead of unbounded memory).
 * {@link #close()} drains the queue on shutdown.
 */
public final class WriteBehind implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

    private final ThreadPoolExecutor executor;

    public WriteBehind(int threads, int queueCapacity) {
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "backtest-write-behind");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Runs {@code write} soon; a failure is logged (the result stays computable), never thrown. */
    public void submit(String what, Runnable write) {
        executor.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                log.warn("could not persist {}; it will be recomputed when asked again", what, e);
            }
        });
    }

    /** Writes queued or running now, for metrics and tests. */
    public int pending() {
        return executor.getQueue().size() + executor.getActiveCount();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("{} backtest writes still pending at shutdown; they will be recomputed on demand", pending());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
