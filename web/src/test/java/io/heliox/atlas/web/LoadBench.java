package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.run.OrchestratorEvent;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseStatusReportedEvent;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.command.worker.RunWorker;
import io.heliox.atlas.query.run.RunEventReader;
import io.heliox.atlas.web.http.EventStreams;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load benchmark, not a test (run by {@code make load}; surefire picks it only by name):
 * <ul>
 *   <li>1,000 concurrent SSE subscribers on one node, on 4 runs, each receiving every event in order;</li>
 *   <li>100 concurrent runs, each followed by its own SSE stream;</li>
 *   <li>{@code POST /v1/runs} throughput and latency (p50/p99) from 32 concurrent clients;</li>
 *   <li>event-store append throughput, end to end (runs × 8 events / wall time) and direct
 *       ({@link EventStore#publish} in transactions of 500 events);</li>
 *   <li>replay of a 10,000-event run: {@code readEvents(id, 0)}, the SSE reader, and SSE over HTTP.</li>
 * </ul>
 * The driver is one JDK {@link HttpClient} (HTTP/1.1, non-blocking line subscribers for SSE) in this
 * JVM, on the same machine as the server: both share its cores. Prints a table at the end.
 */
@TestPropertySource(properties = {"atlas.bench.context=load", // its own application context
        "atlas.quotas.concurrent-runs=200"}) // 100 runs at once
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoadBench extends AtlasIntegrationTest {

    private static final int SSE_RUNS = 4;
    private static final int SSE_PER_RUN = 250;
    private static final int CONCURRENT_RUNS = 100;
    private static final int POST_CLIENTS = 32;
    private static final int POSTS_PER_REP = 300;
    private static final int REPS = 3;
    private static final int REPLAY_EVENTS = 10_000;
    private static final int APPEND_BATCH = 500;

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionManager transactionManager;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private EventStreams streams;
    @Autowired
    private RunEventReader reader;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(16))
            .build();
    private final List<String[]> table = new ArrayList<>();

    @Test
    void load() throws Exception {
        long benchStart = System.nanoTime();
        for (int i = 0; i < 10; i++) { // warm-up: JIT, pools, the worker's first runs
            String runId = post("{\"prompt\":\"warm-up\",\"seed\":" + i + ",\"options\":{\"mode\":\"mock\"}}");
            assertThat(subscribe(runId).get(30, TimeUnit.SECONDS).seqs).hasSize(7);
        }

        thousandSubscribers();
        concurrentRuns();
        postThroughput();
        tenThousandEventReplay();

        System.out.printf("%nLOAD  Heliox ATLAS load figures (%d cores, %s, JDK %s, embedded PostgreSQL, client in the same JVM)%n",
                Runtime.getRuntime().availableProcessors(), Instant.now(), System.getProperty("java.version"));
        System.out.printf("LOAD  %-58s %s%n", "measure", "value");
        System.out.printf("LOAD  %s%n", "-".repeat(100));
        for (String[] row : table) {
            System.out.printf("LOAD  %-58s %s%n", row[0], row[1]);
        }
        System.out.printf("LOAD  (bench took %.0f s)%n%n", (System.nanoTime() - benchStart) / 1e9);
    }

    /** 1,000 subscribers connect while the runs are held at seq 0, then the worker is let go. */
    private void thousandSubscribers() throws Exception {
        EventProcessor worker = processing.eventProcessor(RunWorker.PROCESSING_GROUP)
                .orElseThrow(() -> new AssertionError("no run-worker processor"));
        worker.shutDown(); // the runs wait at seq 0 until every subscriber is connected
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < SSE_RUNS; i++) {
            runs.add(post("{\"prompt\":\"fan-out " + i + "\",\"options\":{\"mode\":\"mock\",\"mockStepDelayMs\":100}}"));
        }
        int baseline = streams.openStreams();
        long connectStart = System.nanoTime();
        List<CompletableFuture<Stream>> subscribers = new ArrayList<>();
        for (String runId : runs) {
            for (int i = 0; i < SSE_PER_RUN; i++) {
                subscribers.add(subscribe(runId));
            }
        }
        int total = SSE_RUNS * SSE_PER_RUN;
        await(Duration.ofSeconds(60), total + " SSE streams open on the server",
                () -> streams.openStreams() - baseline >= total);
        double connectS = (System.nanoTime() - connectStart) / 1e9;
        int heldOpen = streams.openStreams() - baseline;

        long runStart = System.nanoTime();
        worker.start();
        List<Stream> done = new ArrayList<>();
        for (CompletableFuture<Stream> subscriber : subscribers) {
            done.add(subscriber.get(120, TimeUnit.SECONDS));
        }
        double deliverS = (System.nanoTime() - runStart) / 1e9;
        long events = 0;
        for (Stream stream : done) {
            assertThat(stream.seqs).as("every subscriber gets 1..7 in order, no gap, no duplicate")
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            events += stream.seqs.size();
        }
        double[] lagMs = done.stream().mapToDouble(s -> (s.lastAt - runStart) / 1e6).sorted().toArray();
        row("SSE subscribers held open at once (one node)", heldOpen + " (" + SSE_RUNS + " runs x " + SSE_PER_RUN + ")");
        row("SSE connect time for all of them", fmt("%.2f s", connectS));
        row("SSE events delivered, all in order, 0 gaps / 0 duplicates", events + " of " + (7L * total));
        row("SSE fan-out: worker start -> terminal event, p50 / p99", fmt("%.0f / %.0f ms (mock steps of 100 ms)",
                percentile(lagMs, 50), percentile(lagMs, 99)));
        row("SSE fan-out rate", fmt("%.0f events/s", events / deliverS));
    }

    /** 100 runs started at once, each with its own stream; repeated, median figures. */
    private void concurrentRuns() throws Exception {
        double[] wall = new double[REPS];
        double[] startP99 = new double[REPS];
        ExecutorService pool = Executors.newFixedThreadPool(POST_CLIENTS);
        try {
            for (int rep = 0; rep < REPS; rep++) {
                long start = System.nanoTime();
                List<Future<CompletableFuture<Stream>>> started = new ArrayList<>();
                ConcurrentLinkedQueue<Double> postMs = new ConcurrentLinkedQueue<>();
                for (int i = 0; i < CONCURRENT_RUNS; i++) {
                    int n = i;
                    started.add(pool.submit(() -> {
                        long t = System.nanoTime();
                        String runId = post("{\"prompt\":\"concurrent " + n + "\",\"seed\":" + n + ",\"options\":{\"mode\":\"mock\"}}");
                        postMs.add((System.nanoTime() - t) / 1e6);
                        return subscribe(runId);
                    }));
                }
                for (Future<CompletableFuture<Stream>> f : started) {
                    Stream stream = f.get(60, TimeUnit.SECONDS).get(120, TimeUnit.SECONDS);
                    assertThat(stream.seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
                }
                wall[rep] = (System.nanoTime() - start) / 1e9;
                startP99[rep] = percentile(postMs.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 99);
            }
        } finally {
            pool.shutdownNow();
        }
        double w = median(wall);
        row(CONCURRENT_RUNS + " concurrent runs: wall time to all 7-event streams done", fmt("%.2f s (median of %d)", w, REPS));
        row("  runs completed per second", fmt("%.1f runs/s", CONCURRENT_RUNS / w));
        row("  event-store appends end to end (runs x 8 / wall)", fmt("%.0f events/s", CONCURRENT_RUNS * 8 / w));
        row("  POST p99 while 100 runs start", fmt("%.1f ms", median(startP99)));
    }

    /** POST /v1/runs from 32 clients. The runs use failAt=architect so each costs the worker one step. */
    private void postThroughput() throws Exception {
        double[] rates = new double[REPS];
        double[] p50 = new double[REPS];
        double[] p99 = new double[REPS];
        ExecutorService pool = Executors.newFixedThreadPool(POST_CLIENTS);
        try {
            for (int rep = 0; rep < REPS; rep++) {
                double[] millis = new double[POSTS_PER_REP];
                AtomicInteger next = new AtomicInteger();
                long start = System.nanoTime();
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < POST_CLIENTS; c++) {
                    clients.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < POSTS_PER_REP; i = next.getAndIncrement()) {
                            long t = System.nanoTime();
                            post("{\"prompt\":\"throughput " + i + "\",\"options\":{\"failAt\":\"architect\"}}");
                            millis[i] = (System.nanoTime() - t) / 1e6;
                        }
                        return null;
                    }));
                }
                for (Future<?> client : clients) {
                    client.get(120, TimeUnit.SECONDS);
                }
                rates[rep] = POSTS_PER_REP / ((System.nanoTime() - start) / 1e9);
                Arrays.sort(millis);
                p50[rep] = percentile(millis, 50);
                p99[rep] = percentile(millis, 99);
            }
        } finally {
            pool.shutdownNow();
        }
        row("POST /v1/runs throughput (" + POST_CLIENTS + " clients, " + POSTS_PER_REP + " requests)",
                fmt("%.0f req/s (median of %d; reps %s)", median(rates), REPS, list(rates, "%.0f")));
        row("POST /v1/runs latency p50 / p99", fmt("%.1f / %.1f ms", median(p50), median(p99)));
    }

    /**
     * A synthetic run of 10,000 phase events (seq 0 creation, 9,999 statuses, a terminal pack
     * artifact) appended straight through the EventStore, then replayed three ways. The run
     * worker is stopped first: its steps only exist for seq 1..7, and it must not try to drive
     * this run (the bench's context is discarded afterwards).
     */
    private void tenThousandEventReplay() throws Exception {
        processing.eventProcessor(RunWorker.PROCESSING_GROUP).ifPresent(EventProcessor::shutDown);
        RunId runId = RunId.random();
        String id = runId.toString();
        Instant t = Instant.now();
        JsonNode msg = JsonNodeFactory.instance.objectNode().put("msg", "synthetic step for the replay bench");
        JsonNode pack = JsonNodeFactory.instance.objectNode().put("note", "synthetic terminal event");
        List<EventMessage<?>> all = new ArrayList<>(REPLAY_EVENTS + 1);
        all.add(new GenericDomainEventMessage<>("Run", id, 0,
                new RunCreatedEvent(runId, "replay bench", 1, new RunOptions("mock", null, 10_000, 60_000, 30_000, 0), t)));
        for (int seq = 1; seq < REPLAY_EVENTS; seq++) {
            all.add(new GenericDomainEventMessage<>("Run", id, seq, new PhaseStatusReportedEvent(runId, Phase.ARCHITECT, msg, t)));
        }
        all.add(new GenericDomainEventMessage<>("Run", id, REPLAY_EVENTS, new PhaseArtifactProducedEvent(runId, Phase.PACK, pack, t)));

        long appendStart = System.nanoTime();
        for (int from = 0; from < all.size(); from += APPEND_BATCH) {
            List<EventMessage<?>> batch = all.subList(from, Math.min(all.size(), from + APPEND_BATCH));
            transactionManager.executeInTransaction(() -> eventStore.publish(batch));
        }
        double appendS = (System.nanoTime() - appendStart) / 1e9;
        row("event-store append, direct (" + APPEND_BATCH + " events per transaction)",
                fmt("%.0f events/s (%d events in %.2f s)", all.size() / appendS, all.size(), appendS));

        // let the projections digest the 10k events before timing reads
        long caughtUp = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (System.nanoTime() < caughtUp && !Long.valueOf(REPLAY_EVENTS)
                .equals(jdbc.queryForObject("select max(last_seq) from runs where id = ?::uuid", Long.class, id))) {
            Thread.sleep(200);
        }
        row("  projections caught up with the 10k events after", fmt("%.1f s", (System.nanoTime() - appendStart) / 1e9));

        double store = medianSeconds(5, () -> {
            DomainEventStream stream = eventStore.readEvents(id, 0);
            long n = 0;
            while (stream.hasNext()) {
                Object payload = stream.next().getPayload(); // deserialize, as every reader does
                if (payload != null) {
                    n++;
                }
            }
            assertThat(n).isEqualTo(REPLAY_EVENTS + 1);
        });
        row("replay 10k-event run: eventStore.readEvents(id, 0)", fmt("%.0f events/s (%.0f ms, median of 5)",
                (REPLAY_EVENTS + 1) / store, store * 1000));

        double phaseEvents = medianSeconds(3, () -> {
            List<OrchestratorEvent> events = reader.phaseEvents(runId, 1, io.heliox.atlas.api.workspace.Scope.all());
            assertThat(events).hasSize(REPLAY_EVENTS);
        });
        row("replay 10k-event run: SSE reader (phaseEvents)", fmt("%.0f events/s (%.0f ms, median of 3)",
                REPLAY_EVENTS / phaseEvents, phaseEvents * 1000));

        double sse = medianSeconds(3, () -> {
            Stream stream = subscribe(id).get(120, TimeUnit.SECONDS);
            assertThat(stream.seqs).hasSize(REPLAY_EVENTS);
            assertThat(stream.seqs.get(0)).isEqualTo(1L);
            assertThat(stream.seqs.get(REPLAY_EVENTS - 1)).isEqualTo((long) REPLAY_EVENTS);
            for (int i = 1; i < stream.seqs.size(); i++) {
                if (stream.seqs.get(i) != stream.seqs.get(i - 1) + 1) {
                    throw new AssertionError("gap at " + i);
                }
            }
        });
        row("replay 10k-event run: SSE over HTTP, to the terminal event", fmt("%.0f events/s (%.0f ms, median of 3)",
                REPLAY_EVENTS / sse, sse * 1000));
    }

    // --- driver -----------------------------------------------------------------------------

    private String post(String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/runs"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + api.apiKey())
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new AssertionError("POST /v1/runs -> " + response.statusCode() + " " + response.body());
            }
            String text = response.body();
            int at = text.indexOf("\"runId\":\"") + 9;
            return text.substring(at, text.indexOf('"', at));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One SSE subscriber, non-blocking: its future completes when the server closes the stream. */
    private CompletableFuture<Stream> subscribe(String runId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/runs/" + runId + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + api.apiKey())
                .timeout(Duration.ofSeconds(60)).GET().build();
        Stream stream = new Stream();
        return http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream))
                .thenCompose(response -> {
                    if (response.statusCode() != 200) {
                        return CompletableFuture.failedFuture(new AssertionError("SSE -> " + response.statusCode()));
                    }
                    return stream.done;
                });
    }

    /** Collects the ids (seqs) of one SSE stream in arrival order. */
    private static final class Stream implements Flow.Subscriber<String> {
        final List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Stream> done = new CompletableFuture<>();
        volatile long lastAt;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("id:")) {
                seqs.add(Long.parseLong(line.substring(3).trim()));
                lastAt = System.nanoTime();
            }
        }

        @Override
        public void onError(Throwable e) {
            done.completeExceptionally(e);
        }

        @Override
        public void onComplete() {
            done.complete(this);
        }
    }

    // --- figures ----------------------------------------------------------------------------

    private void row(String what, String value) {
        table.add(new String[] {what, value});
        System.out.printf("LOAD  %-58s %s%n", what, value);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double medianSeconds(int reps, Work work) throws Exception {
        double[] s = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            work.run();
            s[i] = (System.nanoTime() - t) / 1e9;
        }
        return median(s);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String list(double[] values, String format) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.length() == 0 ? "" : ", ").append(fmt(format, v));
        }
        return out.toString();
    }
}
