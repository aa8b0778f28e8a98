package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One replay of a {@link BarReplayFeed}: a chain of pacer tasks, each delivering the next heartbeat or
 * bar and scheduling the one after, so a replay never has two deliveries in flight.
 *
 * <p><b>Closing.</b> Every delivery happens under the replay's lock, and {@link #close()} takes the
 * lock, so when close returns no message is being delivered and none will be. A close from another
 * thread therefore waits for the listener to return from the message in hand: a listener must not
 * wait for a thread that is closing its replay.
 *
 * <p><b>A listener that throws</b> ends the replay: nothing more is delivered and {@link #finished()}
 * completes exceptionally with what it threw.
 */
public final class BarReplay implements Subscription {

    private final BarReplayFeed feed;
    private final Pacer pacer;
    private final MarketDataListener listener;
    private final long wallPerBar;
    private final long heartbeatGap;
    private final int heartbeatsPerBar;
    private final CompletableFuture<ReplayEnd> finished = new CompletableFuture<>();

    private final Object lock = new Object();
    // guarded by lock
    private int nextBar;
    private int beats;
    private long waitStarted;
    private boolean ended;
    private Pacer.Scheduled pending;

    BarReplay(BarReplayFeed feed, Pacer pacer, MarketDataListener listener) {
        this.feed = feed;
        this.pacer = pacer;
        this.listener = listener;
        this.wallPerBar = feed.wallPerBar().toNanos();
        this.heartbeatGap = feed.heartbeatGap().toNanos();
        this.heartbeatsPerBar = feed.heartbeatsPerBar();
        this.nextBar = feed.firstBar();
    }

    void start() {
        boolean empty;
        synchronized (lock) {
            waitStarted = pacer.nanoTime();
            empty = nextBar >= feed.size();
            if (empty) {
                ended = true;
            } else {
                scheduleNext();
            }
        }
        if (empty) {
            finished.complete(ReplayEnd.END_OF_SERIES);
        }
    }

    @Override
    public Set<InstrumentId> instruments() {
        return Set.of(feed.instrumentId());
    }

    /**
     * The index of the next bar this replay would deliver: every bar before it has been handed to the
     * listener. After a restart, {@code feed.resumingAt(nextBar())} goes on without a bar twice.
     */
    public int nextBar() {
        synchronized (lock) {
            return nextBar;
        }
    }

    /**
     * Completes when the replay ends: {@link ReplayEnd#END_OF_SERIES} once the listener has returned
     * from the last bar, {@link ReplayEnd#CLOSED} on a close before that, exceptionally when the
     * listener threw (or the pacer refused a task). Dependent actions may run on the replay's thread.
     */
    public CompletableFuture<ReplayEnd> finished() {
        return finished;
    }

    /** Whether the replay has ended, for any reason. */
    public boolean isDone() {
        return finished.isDone();
    }

    @Override
    public void close() {
        boolean closedHere = false;
        synchronized (lock) {
            if (!ended) {
                ended = true;
                closedHere = true;
                if (pending != null) {
                    pending.cancel();
                }
            }
        }
        if (closedHere) {
            finished.complete(ReplayEnd.CLOSED);
        }
    }

    /** Delivers what is due (the next heartbeat, or the bar), then schedules what follows. */
    private void step() {
        ReplayEnd end = null;
        Throwable failure = null;
        synchronized (lock) {
            if (ended) {
                return;
            }
            try {
                MarketData message;
                if (beats < heartbeatsPerBar) {
                    beats++;
                    message = feed.heartbeat(nextBar, beats);
                } else {
                    message = feed.message(nextBar);
                    nextBar++;
                    beats = 0;
                    waitStarted += wallPerBar;
                }
                listener.onMarketData(message);
                if (!ended) {
                    if (nextBar >= feed.size()) {
                        ended = true;
                        end = ReplayEnd.END_OF_SERIES;
                    } else {
                        scheduleNext();
                    }
                }
            } catch (RuntimeException | Error e) {
                ended = true;
                failure = e;
            }
        }
        if (failure != null) {
            finished.completeExceptionally(failure);
        } else if (end != null) {
            finished.complete(end);
        }
    }

    /** Schedules the next delivery at its due time, counted from the start of the wait (no drift). */
    private void scheduleNext() {
        long dueAfterWaitStarted = beats < heartbeatsPerBar ? (beats + 1) * heartbeatGap : wallPerBar;
        long delay = waitStarted + dueAfterWaitStarted - pacer.nanoTime();
        pending = pacer.schedule(Duration.ofNanos(delay), this::step);
    }
}
