package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.trading.ProcessSessionBarCommand;
import io.heliox.atlas.command.application.workspace.WorkspaceAccess;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.PaperItems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (run by {@code make bench}, never by {@code make test}): paper sessions
 * through Axon and the embedded PostgreSQL.
 * <ol>
 *   <li><b>Round trip.</b> One session's bars sent one at a time, each timed from the command to its
 *       commit: the venue's fills, the strategy's decision, its orders through the risk engine, the
 *       session's events and their read models (issue 17's target p50 ≤ 20 ms).</li>
 *   <li><b>Load.</b> 50 sessions at one bar per 100 ms each, paced by the feed like a real one; how
 *       late bars were sent after they fell due ({@code atlas.paper.bar.lag}: near 0 when every
 *       session keeps up), their latency, the bars taken against those due; then the kill switch of
 *       five of them at that load: request to HALTED, and no open order left (target ≤ 1 s).</li>
 * </ol>
 */
class PaperSessionLatencyBench extends AtlasIntegrationTest {

    private static final int ROUND_TRIP_BARS = Integer.getInteger("atlas.bench.paper.bars", 600);
    private static final int SESSIONS = Integer.getInteger("atlas.bench.paper.sessions", 50);
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("atlas.bench.paper.seconds", 40));

    @Autowired
    CommandGateway commands;
    @Autowired
    MeterRegistry meters;

    @Test
    void roundTripAndFiftySessions() {
        String item = PaperItems.packaged(api, 11);
        roundTrip(item);
        load(item);
    }

    private void roundTrip(String item) {
        // A bar an hour from the feed: the bench sends the bars itself, one at a time.
        String id = deploy(item, ROUND_TRIP_BARS + 10, 3_600_000);
        UUID session = UUID.fromString(id);
        double[] millis = new double[ROUND_TRIP_BARS];
        for (int bar = 0; bar < ROUND_TRIP_BARS; bar++) {
            var command = GenericCommandMessage.asCommandMessage(new ProcessSessionBarCommand(session, bar, Instant.now()))
                    .andMetaData(MetaData.with(WorkspaceAccess.PRINCIPAL, WorkspaceAccess.SYSTEM_PRINCIPAL));
            long start = System.nanoTime();
            commands.sendAndWait(command);
            millis[bar] = (System.nanoTime() - start) / 1e6;
        }
        JsonNode done = api.get("/v1/paper-sessions/" + id).json();
        assertThat(done.get("nextBar").asInt()).isEqualTo(ROUND_TRIP_BARS);
        int fills = done.get("fills").asInt();
        assertThat(fills).as("a benchmark of a session that never trades would be meaningless").isPositive();
        double[] warm = Arrays.copyOfRange(millis, ROUND_TRIP_BARS / 5, ROUND_TRIP_BARS); // after the JIT's first fifth
        Arrays.sort(warm);
        System.out.printf("%nBENCH paper session round trip (bar -> decision -> orders -> fills -> events + read models,"
                        + " committed), %d bars after %d warm-up, %d fills (%d cores):%n", warm.length,
                ROUND_TRIP_BARS - warm.length, fills, Runtime.getRuntime().availableProcessors());
        System.out.printf("BENCH   p50 %.2f ms   p95 %.2f ms   p99 %.2f ms   max %.2f ms   (target p50 <= 20 ms)%n%n",
                percentile(warm, 50), percentile(warm, 95), percentile(warm, 99), warm[warm.length - 1]);
    }

    private void load(String item) {
        List<String> ids = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < SESSIONS; i++) {
            ids.add(deploy(item, 5_000, 100));
        }
        double deployed = (System.nanoTime() - started) / 1e9;
        sleep(LOAD.toMillis() / 2);
        Timer lagAtHalf = timer("atlas.paper.bar.lag");
        long countAtHalf = lagAtHalf.count();

        // The kill switch at that load: five sessions, one request each.
        double[] killMs = new double[5];
        for (int i = 0; i < killMs.length; i++) {
            String id = ids.get(i * (SESSIONS / killMs.length));
            long asked = System.nanoTime();
            Api.Response killed = api.post("/v1/paper-sessions/" + id + "/kill", "");
            killMs[i] = (System.nanoTime() - asked) / 1e6;
            assertThat(killed.json().get("state").asText()).isEqualTo("halted");
            assertThat(api.get("/v1/paper-sessions/" + id + "/orders?status=open").json().get("items")).isEmpty();
        }
        sleep(LOAD.toMillis() / 2);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long taken = 0;
        long due = 0;
        int behind = 0;
        for (String id : ids) {
            JsonNode s = api.get("/v1/paper-sessions/" + id).json();
            Instant start = Instant.parse(s.get("startedAt").asText());
            long dueNow = Duration.between(start, Instant.now()).toMillis() / 100;
            taken += s.get("nextBar").asInt();
            due += dueNow;
            if (s.get("nextBar").asInt() < dueNow - 5) {
                behind++;
            }
            api.postJson("/v1/paper-sessions/" + id + "/stop", "{\"reason\":\"bench over\"}");
        }
        Timer lag = timer("atlas.paper.bar.lag");
        Timer latency = timer("atlas.paper.bar.latency");
        Arrays.sort(killMs);
        System.out.printf("%nBENCH %d paper sessions at one bar per 100 ms each, %.0f s (deployed in %.1f s), %d cores:%n",
                SESSIONS, elapsed, deployed, Runtime.getRuntime().availableProcessors());
        System.out.printf("BENCH   bars taken %d of %d due (%.1f %%), %.0f bars/s in all; sessions more than 5 bars behind: %d%n",
                taken, due, 100.0 * taken / Math.max(1, due), taken / elapsed, behind);
        System.out.printf("BENCH   lag after due    p50 %s   p95 %s   p99 %s   (%d bars; %d in the first half)%n",
                pct(lag, 0.5), pct(lag, 0.95), pct(lag, 0.99), lag.count(), countAtHalf);
        System.out.printf("BENCH   bar latency      p50 %s   p95 %s   p99 %s%n", pct(latency, 0.5), pct(latency, 0.95),
                pct(latency, 0.99));
        System.out.printf("BENCH   kill switch at that load: request -> HALTED, no open order: median %.1f ms, max %.1f ms"
                + " (target <= 1000 ms)%n%n", killMs[killMs.length / 2], killMs[killMs.length - 1]);
    }

    private String deploy(String item, int bars, int everyMs) {
        String scenario = PaperSessionApiTest.SCENARIO.formatted(bars);
        Api.Response started = api.postJson("/v1/paper-sessions", "{\"portfolioItemId\":\"" + item + "\",\"scenario\":"
                + scenario + ",\"barEveryMs\":" + everyMs + ",\"execution\":{\"feeBps\":2,\"slippageBps\":1}}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private Timer timer(String name) {
        return meters.get(name).timer();
    }

    private static String pct(Timer timer, double p) {
        for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            if (Math.abs(v.percentile() - p) < 1e-9) {
                return String.format("%.2f ms", v.value(TimeUnit.MILLISECONDS));
            }
        }
        return "n/a";
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
