package io.heliox.atlas.web;

import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AppProcess;
import io.heliox.atlas.web.support.EgressGuard;
import io.heliox.atlas.web.support.SseRead;
import io.heliox.atlas.web.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Local-first, proven: the app runs as its own process with {@link EgressGuard} as its security
 * manager, which logs and refuses any name lookup or connection that is not loopback. A full run
 * with default settings — start, stream, save, audit, metrics — must leave the log empty.
 */
class ZeroEgressTest {

    @Test
    void aFullRunWithDefaultSettingsOpensNoConnectionOutsideLoopback() throws Exception {
        Path dataDir = TestDatabase.freshDataDir();
        Path egressLog = dataDir.resolveSibling(dataDir.getFileName() + "-egress.log");
        int port = AppProcess.freePort();
        try (AppProcess app = AppProcess.start(dataDir, port, "zero-egress", List.of(),
                List.of("-Djava.security.manager=" + EgressGuard.class.getName(), "-Datlas.egress.log=" + egressLog))
                .awaitHealthy(Duration.ofSeconds(120))) {
            Api api = new Api(port, dataDir);
            String runId = api.postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}").json().get("runId").asText();
            SseRead stream = api.events(runId);
            assertThat(stream.seqs()).containsExactlyElementsOf(stream.gaplessSeqs()).hasSizeGreaterThanOrEqualTo(7);
            assertThat(stream.completed()).isTrue();
            String strategy = stream.events().stream().filter(e -> e.json().at("/payload/candidates").isArray())
                    .findFirst().orElseThrow().json().at("/payload/candidates/0").toString();
            assertThat(api.postJson("/v1/portfolio", "{\"name\":\"kept\",\"strategy\":" + strategy + "}").status()).isEqualTo(201);
            assertThat(api.get("/v1/audit/events?aggregateId=" + runId).status()).isEqualTo(200);
            assertThat(api.get("/actuator/prometheus").status()).isEqualTo(200);
            assertThat(api.getOutsideContract("/").status()).as("the UI").isEqualTo(200);
        }
        List<String> attempts = Files.exists(egressLog) ? Files.readAllLines(egressLog) : List.of();
        assertThat(attempts).as("connections outside loopback").isEmpty();
    }

    @Test
    void theGuardCatchesWhatItMustCatch() throws Exception {
        // The positive control: without it, an empty log could mean a guard that sees nothing.
        Path log = Path.of("target", "egress-control-" + UUID.randomUUID() + ".log");
        System.setProperty("atlas.egress.log", log.toString());
        try {
            EgressGuard guard = new EgressGuard();
            guard.checkConnect("127.0.0.1", 5432);
            guard.checkConnect("localhost", 8080);
            assertThatThrownBy(() -> guard.checkConnect("api.openai.com", 443)).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> guard.checkConnect("10.0.0.8", -1)).isInstanceOf(SecurityException.class);
            assertThat(Files.readAllLines(log)).hasSize(2);
        } finally {
            System.clearProperty("atlas.egress.log");
        }
    }
}
