package io.heliox.atlas.web.http;

import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.OrchestratorEvent;
import io.heliox.atlas.query.run.EventAppendedNotifier;
import io.heliox.atlas.query.run.RunEventReader;
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
 * Server-sent event streams of runs. A stream replays the run from the event store after the
 * client's last seq, then follows it live: it is woken by the NOTIFY of any node's append (or by
 * its own periodic re-read, should a wake-up be missed) and re-reads the store from its last
 * sent seq. It sends a heartbeat comment every 15 s (a server learns of a gone client only when
 * it writes) and completes after the run's terminal event.
 *
 * <p>Reads run on a small shared pool rather than a thread per client, so a thousand idle
 * subscribers cost a thousand map entries, not a thousand threads.
 */
@Component
public class RunEventStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunEventStreams.class);

    private final RunEventReader reader;
    private final EventAppendedNotifier notifier;
    private final ExecutorService readers;
    private final ScheduledExecutorService ticks;
    private final long heartbeatMs;
    private final long rereadMs;
    private final AtomicInteger open = new AtomicInteger();

    public RunEventStreams(RunEventReader reader, EventAppendedNotifier notifier,
                           @Value("${atlas.sse.heartbeat-ms:15000}") long heartbeatMs,
                           @Value("${atlas.sse.reread-ms:5000}") long rereadMs,
                           @Value("${atlas.sse.reader-threads:4}") int readerThreads) {
        this.reader = reader;
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
     * Opens a stream of the run's events with seq greater than {@code afterSeq}. At every heartbeat
     * it asks {@code callerAdmitted} whether its caller would still be let in, and ends when not
     * (a revoked key, an ended session): no stream outlives the right to read it by more than a
     * heartbeat and the key check's cache.
     */
    public SseEmitter open(RunId runId, long afterSeq, Scope scope, BooleanSupplier callerAdmitted) {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the stream ends with the run, the client or its right
        Stream stream = new Stream(runId, afterSeq, scope, emitter, callerAdmitted);
        // Register for wake-ups BEFORE the first read, so no append can fall between the two.
        stream.unsubscribe = notifier.subscribe(runId.toString(), stream::wake);
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
        private final RunId runId;
        private final Scope scope;
        private final SseEmitter emitter;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile long lastSent;
        private volatile Runnable unsubscribe = () -> { };
        private volatile ScheduledFuture<?> heartbeat;
        private volatile ScheduledFuture<?> reread;
        private final BooleanSupplier callerAdmitted;

        Stream(RunId runId, long lastSent, Scope scope, SseEmitter emitter, BooleanSupplier callerAdmitted) {
            this.runId = runId;
            this.scope = scope;
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
                    List<OrchestratorEvent> events = reader.phaseEvents(runId, lastSent + 1, scope);
                    for (OrchestratorEvent event : events) {
                        emitter.send(SseEmitter.event()
                                .id(Long.toString(event.seq()))
                                .name(event.type().wireName())
                                .data(event.toJson().toString()));
                        lastSent = event.seq();
                        if (event.terminal()) {
                            emitter.complete();
                            close();
                            return;
                        }
                    }
                }
            } catch (IOException | IllegalStateException e) {
                close(); // the client went away
            } catch (RuntimeException e) {
                log.warn("stream of run {} failed after seq {}", runId, lastSent, e);
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
