package io.heliox.atlas.web.http;

import io.heliox.atlas.query.run.EventAppendedNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Server-sent event streams of an aggregate's events (a run's, a paper session's). A stream replays
 * the aggregate from the event store after the client's last seq, then follows it live: it is woken
 * by the NOTIFY of any node's append (or by its own periodic re-read, should a wake-up be missed) and
 * re-reads the store from its last sent seq. It sends a heartbeat comment every 15 s (a server learns
 * of a gone client only when it writes) and completes after the aggregate's terminal event.
 *
 * <p>Reads run on a small shared pool rather than a thread per client, so a thousand idle
 * subscribers cost a thousand map entries, not a thousand threads.
 */
@Component
public class EventStreams implements DisposableBean {

    /** One event to send: its seq (the SSE id), its SSE event name, its data, and whether it ends the stream. */
    public record Item(long seq, String name, String data, boolean terminal) {
    }

    /** What a stream reads: the aggregate's events with seq greater than {@code afterSeq}, oldest first. */
    @FunctionalInterface
    public interface Source {
        List<Item> after(long afterSeq);

        /** Whether the aggregate has nothing more to say, asked after a read that sent no terminal item. */
        default boolean finished() {
            return false;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final EventAppendedNotifier notifier;
    private final ExecutorService readers;
    private final ScheduledExecutorService ticks;
    private final long heartbeatMs;
    private final long rereadMs;
    private final AtomicInteger open = new AtomicInteger();

    public EventStreams(EventAppendedNotifier notifier,
                           @Value("${atlas.sse.heartbeat-ms:15000}") long heartbeatMs,
                           @Value("${atlas.sse.reread-ms:5000}") long rereadMs,
                           @Value("${atlas.sse.reader-threads:4}") int readerThreads) {
        this.notifier = notifier;
        this.heartbeatMs = heartbeatMs;
        this.rereadMs = rereadMs;
        this.readers = Executors.newFixedThreadPool(readerThreads, daemon("atlas-sse-reader"));
        this.ticks = Executors.newSingleThreadScheduledExecutor(daemon("atlas-sse-tick"));
    }

    public int openStreams() {
        return open.get();
    }

    /**
     * Opens a stream of the aggregate's events with seq greater than {@code afterSeq}, as
     * {@code source} reads them. At every heartbeat
     * it asks {@code callerAdmitted} whether its caller would still be let in, and ends when not
     * (a revoked key, an ended session): no stream outlives the right to read it by more than a
     * heartbeat and the key check's cache.
     */
    public SseEmitter open(String aggregateId, long afterSeq, Source source, BooleanSupplier callerAdmitted) {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the stream ends with its aggregate, the client or its right
        Stream stream = new Stream(aggregateId, afterSeq, source, emitter, callerAdmitted);
        // Register for wake-ups BEFORE the first read, so no append can fall between the two.
        stream.unsubscribe = notifier.subscribe(aggregateId, stream::wake);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        stream.heartbeat = ticks.scheduleAtFixedRate(stream::heartbeat, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
        stream.reread = ticks.scheduleAtFixedRate(stream::wake, rereadMs, rereadMs, TimeUnit.MILLISECONDS);
        open.incrementAndGet();
        stream.wake();
        return emitter;
    }

    private final class Stream {
        private final String aggregateId;
        private final Source source;
        private final SseEmitter emitter;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile long lastSent;
        private volatile Runnable unsubscribe = () -> { };
        private volatile ScheduledFuture<?> heartbeat;
        private volatile ScheduledFuture<?> reread;
        private final BooleanSupplier callerAdmitted;

        Stream(String aggregateId, long lastSent, Source source, SseEmitter emitter, BooleanSupplier callerAdmitted) {
            this.aggregateId = aggregateId;
            this.source = source;
            this.lastSent = lastSent;
            this.emitter = emitter;
            this.callerAdmitted = callerAdmitted;
        }

        /** Asks for a re-read; at most one read per stream runs at a time, and none is lost. */
        void wake() {
            dirty.set(true);
            if (!closed.get() && scheduled.compareAndSet(false, true)) {
                readers.execute(this::drain);
            }
        }

        private void drain() {
            try {
                while (dirty.getAndSet(false) && !closed.get()) {
                    List<Item> items = source.after(lastSent);
                    for (Item item : items) {
                        emitter.send(SseEmitter.event().id(Long.toString(item.seq())).name(item.name()).data(item.data()));
                        lastSent = item.seq();
                        if (item.terminal()) {
                            emitter.complete();
                            close();
                            return;
                        }
                    }
                    if (!items.isEmpty()) {
                        dirty.set(true); // a source may answer in pages: read on until it has nothing more
                    } else if (source.finished()) {
                        emitter.complete();
                        close();
                        return;
                    }
                }
            } catch (IOException | IllegalStateException e) {
                close(); // the client went away
            } catch (RuntimeException e) {
                log.warn("stream of {} failed after seq {}", aggregateId, lastSent, e);
                emitter.completeWithError(e);
                close();
            } finally {
                scheduled.set(false);
                if (dirty.get() && !closed.get()) {
                    wake(); // a wake-up arrived while we were finishing
                }
            }
        }

        void heartbeat() {
            if (closed.get()) {
                return;
            }
            try {
                if (!callerAdmitted.getAsBoolean()) {
                    emitter.send(SseEmitter.event().comment("the caller's key or session has ended"));
                    emitter.complete();
                    close();
                    return;
                }
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                unsubscribe.run();
                if (heartbeat != null) {
                    heartbeat.cancel(false);
                }
                if (reread != null) {
                    reread.cancel(false);
                }
                open.decrementAndGet();
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
        ticks.shutdownNow();
    }
}
