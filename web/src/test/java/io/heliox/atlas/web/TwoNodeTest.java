package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.command.application.identity.ApiKeyToken;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AppProcess;
import io.heliox.atlas.web.support.SseRead;
import io.heliox.atlas.web.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app processes on one PostgreSQL, as behind a load balancer:
 * <ol>
 *   <li>a run started on node A streams live from node B (B is woken by PostgreSQL NOTIFY);</li>
 *   <li>cancels fired at one run from both nodes at once, racing each other and the worker, leave
 *       exactly one {@code run.cancelled} event and a gapless, duplicate-free seq; every call is a 202
 *       (an optimistic-locking conflict is retried, never surfaced);</li>
 *   <li>the {@code run-worker} processor's two segments are split across the nodes through the
 *       token store, and when A is SIGKILLed, B claims A's segment once A's claim times out (5 s),
 *       so the runs A was driving and new runs on B complete.</li>
 * </ol>
 *
 * <p>Axon's tracking processors claim segments greedily and do not rebalance on their own (that
 * takes Axon Server or an explicit {@code releaseSegment}). So that the split is deterministic here,
 * node A runs {@code run-worker} with one thread (it can hold one segment) and starts first; node B
 * has the default two threads, enough to hold both segments once it is alone.
 */
class TwoNodeTest {

    private static final String WORKER = "run-worker";
    private static final String SLOW = "{\"prompt\":\"two nodes\",\"options\":{\"mode\":\"mock\",\"mockStepDelayMs\":300}}";

    @Test
    void twoNodesShareOneDatabase() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start()) {
            String url = db.getJdbcUrl("postgres", "postgres");
            int portA = AppProcess.freePort();
            int portB = AppProcess.freePort();
            List<String> dbArgs = List.of("--atlas.db.url=" + url, "--atlas.db.user=postgres",
                    "--atlas.db.password=postgres");
            Path dataA = TestDatabase.freshDataDir();
            AppProcess a = AppProcess.start(dataA, portA, "two-node-a",
                    concat(dbArgs, List.of("--axon.eventhandling.processors.run-worker.thread-count=1")), List.of());
            AppProcess b = null;
            try {
                a.awaitHealthy(Duration.ofSeconds(120));
                long pidA = childPid(portA);
                await(Duration.ofSeconds(30), "node A to claim a run-worker segment",
                        () -> owners(db).values().stream().anyMatch(o -> isNode(o, pidA)));
                Path dataB = TestDatabase.freshDataDir();
                b = AppProcess.start(dataB, portB, "two-node-b", dbArgs, List.of())
                        .awaitHealthy(Duration.ofSeconds(120));
                long pidB = childPid(portB);
                // node A made the administrator (node B found it in the shared database): one key for both
                Api apiA = new Api(portA, dataA);
                Api apiB = new Api(portB, apiA.apiKey());
                assertThat(dataB.resolve("admin-credentials.json")).as("node B found the administrator").doesNotExist();
                System.out.printf("two nodes up after %.1f s (A pid %d :%d, B pid %d :%d)%n",
                        (System.nanoTime() - started) / 1e9, pidA, portA, pidB, portB);

                // (c, part 1) each node owns one segment of the run worker
                await(Duration.ofSeconds(30), "the run-worker segments to be split across A and B", () -> {
                    Map<Integer, String> owners = owners(db);
                    return owners.size() == 2 && owners.values().stream().anyMatch(o -> isNode(o, pidA))
                            && owners.values().stream().anyMatch(o -> isNode(o, pidB));
                });

                aRunStartedOnAStreamsLiveFromB(apiA, apiB);
                concurrentCancelsFromBothNodesKeepSeqGapless(db, apiA, apiB);
                aRateLimitHoldsAcrossBothNodes(db, apiA, apiB);
                aQuotaHoldsAcrossBothNodes(db, apiA, apiB);
                theSurvivorTakesOverWhenANodeDies(db, a, apiA, apiB, pidB);
                System.out.printf("two-node test: %.1f s in all%n", (System.nanoTime() - started) / 1e9);
            } finally {
                a.kill();
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    /** (a) B's SSE receives 1..7 in order while the run progresses on A's command. */
    private static void aRunStartedOnAStreamsLiveFromB(Api apiA, Api apiB) throws Exception {
        String runId = apiA.postJson("/v1/runs", SLOW).json().get("runId").asText();
        LiveStream live = LiveStream.open(apiB, runId);
        List<long[]> arrivals = live.awaitEnd(Duration.ofSeconds(30));
        assertThat(arrivals).extracting(x -> x[0]).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        double spreadMs = (arrivals.get(6)[1] - arrivals.get(0)[1]) / 1e6;
        // 6 steps of 300 ms lie between seq 1 and seq 7: B delivered them as they happened, not at the end
        assertThat(spreadMs).as("ms between B's first and last event").isGreaterThan(1_000);
        for (int i = 1; i < arrivals.size(); i++) {
            double gap = (arrivals.get(i)[1] - arrivals.get(i - 1)[1]) / 1e6;
            assertThat(gap).as("gap before seq %d", i + 1).isLessThan(5_000);
        }
        assertThat(apiB.get("/v1/runs/" + runId).json().get("status").asText()).isEqualTo("COMPLETED");
        System.out.printf("(a) run started on A streamed live from B: seq 1..7 over %.0f ms%n", spreadMs);
    }

    /** (b) N cancels at once, half to each node, while the worker is appending steps. */
    private static void concurrentCancelsFromBothNodesKeepSeqGapless(EmbeddedPostgres db, Api apiA, Api apiB)
            throws Exception {
        int rounds = 3;
        int perNode = 6;
        ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
        try {
            for (int round = 0; round < rounds; round++) {
                String runId = apiA.postJson("/v1/runs", SLOW).json().get("runId").asText();
                long at = 1 + round * 2L; // cancel at different points of the run
                await(Duration.ofSeconds(20), "run at seq " + at,
                        () -> apiB.get("/v1/runs/" + runId).json().get("lastSeq").asLong() >= at);
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<Api.Response>> calls = new ArrayList<>();
                for (int i = 0; i < 2 * perNode; i++) {
                    Api api = i % 2 == 0 ? apiA : apiB;
                    String body = "{\"reason\":\"race " + i + "\"}";
                    calls.add(pool.submit(() -> {
                        gate.await();
                        return api.postJson("/v1/runs/" + runId + "/cancel", body);
                    }));
                }
                gate.countDown();
                for (Future<Api.Response> call : calls) {
                    Api.Response response = call.get(60, TimeUnit.SECONDS);
                    assertThat(response.status()).as("cancel answered %s", response.body()).isEqualTo(202);
                    assertThat(response.json().at("/summary/error/code").asText()).isEqualTo("run.cancelled");
                }
                // let the worker's in-flight step (if any) land or be dropped
                Thread.sleep(700);
                List<Long> seqs = sequenceNumbers(db, runId);
                assertThat(seqs).as("seq of run %s", runId)
                        .isEqualTo(LongStream.range(0, seqs.size()).boxed().toList());
                assertThat(cancelledEvents(db, runId)).isEqualTo(1);
                for (Api api : List.of(apiA, apiB)) {
                    SseRead stream = api.events(runId);
                    assertThat(stream.seqs()).isEqualTo(LongStream.range(1, seqs.size()).boxed().toList());
                    assertThat(stream.events()).filteredOn(e -> e.type().equals("error")).hasSize(1);
                    assertThat(stream.events().get(stream.events().size() - 1).json().at("/payload/code").asText())
                            .isEqualTo("run.cancelled");
                }
                System.out.printf("(b) round %d: %d concurrent cancels from A and B -> 202 each; seq 0..%d gapless, "
                        + "one run.cancelled%n", round, 2 * perNode, seqs.size() - 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** (c, part 2) SIGKILL A; B claims every segment and finishes A's runs and new ones. */
    private static void theSurvivorTakesOverWhenANodeDies(EmbeddedPostgres db, AppProcess a, Api apiA, Api apiB,
                                                          long pidB) {
        List<String> inFlight = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inFlight.add(apiA.postJson("/v1/runs", SLOW).json().get("runId").asText());
        }
        await(Duration.ofSeconds(20), "the in-flight runs to be under way",
                () -> inFlight.stream().allMatch(id -> apiB.get("/v1/runs/" + id).json().get("lastSeq").asLong() >= 1));
        long killedAt = System.nanoTime();
        a.kill();

        List<String> afterwards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            afterwards.add(apiB.postJson("/v1/runs", SLOW).json().get("runId").asText());
        }
        await(Duration.ofSeconds(40), "node B to own every run-worker segment", () -> {
            Map<Integer, String> owners = owners(db);
            return owners.size() == 2 && owners.values().stream().allMatch(o -> isNode(o, pidB));
        });
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        for (String runId : Stream.concat(inFlight.stream(), afterwards.stream()).toList()) {
            SseRead stream = apiB.events(runId);
            assertThat(stream.seqs()).as("run %s", runId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            JsonNode run = apiB.get("/v1/runs/" + runId).json();
            assertThat(run.get("status").asText()).as("run %s", runId).isEqualTo("COMPLETED");
            assertThat(sequenceNumbers(db, runId)).isEqualTo(LongStream.range(0, 8).boxed().toList());
        }
        System.out.printf("(c) A killed: B owned both segments after %.1f s; %d in-flight + %d new runs completed "
                + "on B%n", takeover, inFlight.size(), afterwards.size());
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The pid of the app process (a child of this JVM) listening on this port. */
    private static long childPid(int port) {
        String arg = "--server.port=" + port;
        return ProcessHandle.current().children()
                .filter(p -> commandLine(p.pid()).contains(arg))
                .findFirst().orElseThrow(() -> new AssertionError("no child process with " + arg)).pid();
    }

    /** The process's arguments (ProcessHandle.Info truncates long command lines on Linux). */
    private static List<String> commandLine(long pid) {
        try {
            String raw = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", Long.toString(pid),
                    "cmdline")), java.nio.charset.StandardCharsets.UTF_8);
            return List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Axon's token store names a node by its JVM name, "pid@host". */
    private static boolean isNode(String owner, long pid) {
        return owner != null && owner.startsWith(pid + "@");
    }

    /**
     * (d) A user allowed 6 requests a minute gets 6 in all, whichever node it asks: requests
     * alternating between A and B are refused from the seventh on, by both.
     */
    private static void aRateLimitHoldsAcrossBothNodes(EmbeddedPostgres db, Api apiA, Api apiB) throws SQLException {
        ApiKeyToken token = ApiKeyToken.generate(new SecureRandom());
        UUID userId = UUID.randomUUID();
        try (Connection c = db.getPostgresDatabase().getConnection()) {
            try (PreparedStatement user = c.prepareStatement("insert into users (id, username, password_hash, system_admin, "
                    + "created_at, rate_limit_per_minute) values (?, ?, 'not-a-hash', false, now(), 6)")) {
                user.setObject(1, userId);
                user.setString(2, "limited-" + userId.toString().substring(0, 8));
                user.executeUpdate();
            }
            try (PreparedStatement key = c.prepareStatement("insert into api_keys (id, user_id, name, secret_sha256, "
                    + "created_at) values (?, ?, 'two nodes', ?, now())")) {
                key.setString(1, token.id());
                key.setObject(2, userId);
                key.setString(3, token.secretSha256());
                key.executeUpdate();
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add((i % 2 == 0 ? apiA : apiB).withKey(token.value()).get("/v1/auth/me").status());
        }
        assertThat(statuses).as("A, B, A, B, ...").containsExactly(200, 200, 200, 200, 200, 200, 429, 429, 429, 429);
    }

    /**
     * (e) A workspace's runs of the day hold across nodes: eight starts at once, alternately on A and
     * B, against a quota of three: exactly three start, five answer 429 naming the quota, and the
     * ledger has three admissions (the losers of a race on the ledger's stream retried on its new state).
     */
    private static void aQuotaHoldsAcrossBothNodes(EmbeddedPostgres db, Api apiA, Api apiB) throws Exception {
        Api.Response created = apiA.postJson("/v1/workspaces", "{\"name\":\"two nodes " + UUID.randomUUID()
                .toString().substring(0, 8) + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String workspace = created.json().get("id").asText();
        String quotas = "/v1/workspaces/" + workspace + "/quotas";
        assertThat(apiB.send(HttpRequest.newBuilder(URI.create(apiB.base() + quotas))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"runsPerDay\":3}"))
                .header("Content-Type", "application/json"), "PUT", quotas).status()).isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Api node = i % 2 == 0 ? apiA : apiB;
                starts.add(pool.submit(() -> {
                    go.await();
                    return node.postJson("/v1/runs", "{\"prompt\":\"quota\",\"options\":{\"mode\":\"mock\"}}",
                            "Atlas-Workspace", workspace);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> start : starts) {
                Api.Response response = start.get(60, TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() == 429) {
                    assertThat(response.json().get("quota").asText()).isEqualTo("runsPerDay");
                }
            }
            assertThat(statuses).as(statuses.toString()).containsOnly(201, 429);
            assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = db.getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from domain_event_entry where aggregate_identifier = ?"
                     + " and payload_type like '%RunAdmittedEvent'")) {
            s.setString(1, "usage:" + workspace);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
        }
        for (Api node : List.of(apiA, apiB)) {
            JsonNode runsPerDay = null;
            for (JsonNode q : node.get(quotas).json().get("quotas")) {
                if (q.get("quota").asText().equals("runsPerDay")) {
                    runsPerDay = q;
                }
            }
            assertThat(runsPerDay.get("used").asLong()).isEqualTo(3);
        }
        System.out.println("(e) runs of the day across nodes: 3 of 8 concurrent starts admitted, 5 answered 429 runsPerDay");
    }

    private static Map<Integer, String> owners(EmbeddedPostgres db) {
        Map<Integer, String> owners = new HashMap<>();
        try (Connection c = db.getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement("select segment, owner from token_entry where processor_name = ?")) {
            s.setString(1, WORKER);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getInt(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            return Map.of(); // the tables may not exist yet
        }
        return owners;
    }

    private static List<Long> sequenceNumbers(EmbeddedPostgres db, String runId) {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = db.getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select sequence_number from domain_event_entry where aggregate_identifier = ? order by 1")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return seqs;
    }

    private static long cancelledEvents(EmbeddedPostgres db, String runId) {
        try (Connection c = db.getPostgresDatabase().getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from domain_event_entry where aggregate_identifier = ?"
                     + " and convert_from(payload, 'UTF8')::jsonb -> 'payload' ->> 'code' = 'run.cancelled'")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** An SSE stream read as it arrives: each event's seq and the nanoTime it was received. */
    private record LiveStream(CompletableFuture<List<long[]>> result) {

        static LiveStream open(Api api, String runId) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/v1/runs/" + runId + "/events"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + api.apiKey())
                    .timeout(Duration.ofSeconds(60)).GET().build();
            CompletableFuture<List<long[]>> result = CompletableFuture.supplyAsync(() -> {
                try {
                    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                    assertThat(response.statusCode()).isEqualTo(200);
                    List<long[]> arrivals = new ArrayList<>();
                    try (Stream<String> lines = response.body()) {
                        lines.forEach(line -> {
                            if (line.startsWith("id:")) {
                                arrivals.add(new long[] {Long.parseLong(line.substring(3).trim()), System.nanoTime()});
                            }
                        });
                    }
                    return arrivals;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            return new LiveStream(result);
        }

        List<long[]> awaitEnd(Duration timeout) throws Exception {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
