package io.heliox.atlas.web.support;

import io.heliox.atlas.web.AtlasApplication;
import org.junit.jupiter.api.BeforeEach;
import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Base of the tests that run the whole application: real HTTP on a random port, a real
 * PostgreSQL (see {@link TestDatabase}). All subclasses share one application context.
 */
@SpringBootTest(classes = AtlasApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.sse.heartbeat-ms=1000", "spring.main.banner-mode=off",
                // the suite runs hundreds of runs in the default workspace, 50 of them at once
                // (RunFlowTest); QuotaApiTest sets each workspace's own quotas
                "atlas.quotas.concurrent-runs=64", "atlas.quotas.runs-per-day=100000",
                // every workspace's usage ledger is loaded from snapshots, as a busy one is in production
                "atlas.usage.snapshot-every=5"})
@ContextConfiguration(initializers = TestDatabase.class)
@AutoConfigureObservability // Spring Boot tests switch metrics export off unless asked
public abstract class AtlasIntegrationTest {

    @LocalServerPort
    protected int port;

    @Value("${atlas.data-dir}")
    protected String dataDir;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected IdentityService identity;

    @Autowired
    protected WorkspaceService workspaces;

    protected Api api;

    /**
     * A new user ({@code prefix} and a random suffix) with a workspace of their own, as
     * {@code POST /v1/users} makes one.
     */
    protected Principal newUser(String prefix) {
        Principal user = identity.createUser(prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                "a long enough password", false);
        workspaces.createPersonal(user.username(), user.userId());
        return user;
    }

    @BeforeEach
    void connect() {
        api = new Api(port, Path.of(dataDir));
    }

    protected String startRun(String body) {
        Api.Response response = api.postJson("/v1/runs", body);
        if (response.status() != 201) {
            throw new AssertionError("run not started: " + response);
        }
        return response.json().get("runId").asText();
    }

    protected static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
