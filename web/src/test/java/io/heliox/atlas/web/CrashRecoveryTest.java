package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AppProcess;
import io.heliox.atlas.web.support.SseRead;
import io.heliox.atlas.web.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 6, "nothing is lost": the app runs as its own process and is killed with SIGKILL in
 * the middle of runs, then restarted on the same data directory. Every run must then finish
 * (COMPLETED, or FAILED with a reason), with a gapless, duplicate-free seq, and the database
 * count of its events must equal what SSE delivers.
 *
 * <p>{@code -Datlas.crash.kills=N} sets the number of kills (3 in {@code make test}, 20 in
 * {@code make verify}); the kill points come from a fixed seed, printed with the result.
 */
class CrashRecoveryTest {

    private static final long SEED = Long.getLong("atlas.crash.seed", 20261124L);
    private static final int KILLS = Integer.getInteger("atlas.crash.kills", 3);

    @Test
    void runsKilledMidwayResumeAfterRestartWithGaplessSeq() throws Exception {
        Path data = TestDatabase.freshDataDir();
        int port = AppProcess.freePort();
        int dbPort = AppProcess.freePort();
        SplittableRandom random = new SplittableRandom(SEED);
        Api api = null; // the first start writes the credentials it reads
        List<String> runIds = new ArrayList<>();

        for (int kill = 0; kill < KILLS; kill++) {
            AppProcess app = AppProcess.start(data, port, dbPort, "crash-" + kill).awaitHealthy(Duration.ofSeconds(120));
            api = new Api(port, data);
            String runId = api.postJson("/v1/runs",
                    "{\"prompt\":\"crash test " + kill + "\",\"seed\":" + kill + ",\"options\":{\"mockStepDelayMs\":300}}")
                    .json().get("runId").asText();
            runIds.add(runId);
            // kill somewhere between the first and the last step of this run; the first time right
            // after architect.parse_req, while the architect's model call is due (mid-architect)
            long target = kill == 0 ? 1 : 1 + random.nextInt(8);
            awaitLastSeqAtLeast(api, runId, target);
            app.kill();
        }

        try (AppProcess app = AppProcess.start(data, port, dbPort, "crash-final").awaitHealthy(Duration.ofSeconds(120))) {
            api = new Api(port, data);
            for (String runId : runIds) {
                SseRead stream = api.events(runId);
                JsonNode run = api.get("/v1/runs/" + runId).json();
                assertThat(run.get("status").asText()).as("run %s", runId).isIn("COMPLETED", "FAILED");
                if (run.get("status").asText().equals("FAILED")) {
                    assertThat(run.at("/summary/error/message").asText()).as("a failed run says why").isNotBlank();
                } else {
                    assertThat(stream.seqs()).containsExactlyElementsOf(stream.gaplessSeqs()).hasSizeGreaterThanOrEqualTo(7);
                    assertThat(stream.completed()).isTrue();
                }
                assertThat(stream.seqs()).isEqualTo(LongStream.rangeClosed(1, stream.seqs().size()).boxed().toList());
                assertThat(storedPhaseEvents(dbPort, runId)).isEqualTo(stream.seqs().size());
                List<String> checkpoints = stream.events().stream()
                        .filter(e -> e.json().at("/payload/checkpoint").isObject())
                        .map(e -> e.json().at("/payload/checkpoint/step").asText() + "#" + e.json().at("/payload/checkpoint/n").asInt())
                        .toList();
                assertThat(checkpoints).as("no completed sub-step of run %s was done twice", runId).doesNotHaveDuplicates();
            }
            assertThat(appliedMigrations(dbPort)).as("restarts apply no migration twice").isEqualTo(migrationFiles());
            // No projection drift: the runs read model converges to what the event store says.
            for (String runId : runIds) {
                JsonNode truth = api.get("/v1/runs/" + runId).json();
                awaitProjection(dbPort, runId, truth.get("status").asText(), truth.get("lastSeq").asLong());
            }
            System.out.printf("crash suite: %d kill(s), seed %d, %d run(s) all finished gapless%n", KILLS, SEED,
                    runIds.size());
        }
    }

    private static void awaitLastSeqAtLeast(Api api, String runId, long seq) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (api.get("/v1/runs/" + runId).json().get("lastSeq").asLong() < seq) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " never reached seq " + seq);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitProjection(int dbPort, String runId, String status, long lastSeq) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String row = null;
        while (System.nanoTime() < deadline) {
            row = queryString(dbPort, "select status || ':' || last_seq from runs where id = '" + runId + "'");
            if ((status + ":" + lastSeq).equals(row)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("runs read model of " + runId + " is " + row + ", the event store says " + status + ":" + lastSeq);
    }

    private static String queryString(int dbPort, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long storedPhaseEvents(int dbPort, String runId) throws Exception {
        return queryLong(dbPort, "select count(*) from domain_event_entry where aggregate_identifier = '" + runId
                + "' and sequence_number > 0");
    }

    /** The versioned migrations the application ships (one applied row each, however often it restarts). */
    private static long migrationFiles() throws Exception {
        return new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/V*__*.sql").length;
    }

    private static long appliedMigrations(int dbPort) throws Exception {
        return queryLong(dbPort, "select count(*) from flyway_schema_history where success and version is not null");
    }

    private static long queryLong(int dbPort, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
