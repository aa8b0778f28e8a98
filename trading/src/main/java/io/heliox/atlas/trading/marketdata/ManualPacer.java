package io.heliox.atlas.trading.marketdata;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A pacer whose time moves only when {@link #advance} is called, running every task that falls due,
 * in order of due time (ties in the order scheduled), on the caller's thread, with the clock at
 * each task's due time while it runs. So a replay under test is deterministic and takes no wall
 * time: advancing by a day replays a day of bars in microseconds. Also for a caller that wants a
 * replay's messages at once rather than paced.
 *
 * <p>Not thread-safe: one thread schedules and advances (tasks it runs may schedule more).
 */
public final class ManualPacer implements Pacer {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        Task scheduled = new Task(now + Math.max(0, delay.toNanos()), sequence++, task);
        tasks.add(scheduled);
        return scheduled;
    }

    /** Moves time forward by {@code duration} (zero or more), running every task that falls due on the way. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + duration);
        }
        long until = now + duration.toNanos();
        while (!tasks.isEmpty() && tasks.peek().due <= until) {
            Task next = tasks.poll();
            now = Math.max(now, next.due);
            if (!next.cancelled) {
                next.task.run();
            }
        }
        now = until;
    }

    /** How long since this pacer was made (the sum of every advance). */
    public Duration elapsed() {
        return Duration.ofNanos(now);
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Task implements Scheduled, Comparable<Task> {
        final long due;
        final long order;
        final Runnable task;
        boolean cancelled;

        Task(long due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }
}
