package io.heliox.atlas.web;

import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.SseRead;
import io.heliox.atlas.web.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ATLAS_DB_URL: with an external PostgreSQL configured, the app uses it (migrates it, stores
 * its events there) and starts no embedded server of its own.
 */
class ExternalDatabaseTest {

    @Test
    void anExternalDatabaseIsUsedWhenConfigured() throws Exception {
        Path dataDir = TestDatabase.freshDataDir();
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            // Command-line style args: they override application.properties (defaults would not).
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AtlasApplication.class).run(
                    "--server.port=0", "--atlas.data-dir=" + dataDir, "--atlas.db.url=" + url,
                    "--atlas.db.user=postgres", "--atlas.db.password=postgres", "--spring.main.banner-mode=off")) {
                int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
                Api api = new Api(port, dataDir);
                String runId = api.postJson("/v1/runs", "{\"prompt\":\"external\"}").json().get("runId").asText();
                SseRead stream = api.events(runId);
                assertThat(stream.seqs()).containsExactlyElementsOf(stream.gaplessSeqs()).hasSizeGreaterThanOrEqualTo(7);
                assertThat(stream.completed()).isTrue();

                try (Connection c = external.getPostgresDatabase().getConnection();
                     ResultSet rs = c.createStatement().executeQuery(
                             "select count(*) from domain_event_entry where aggregate_identifier = '" + runId + "'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the creation and every streamed event").isEqualTo(stream.events().size() + 1);
                }
                assertThat(Files.exists(dataDir.resolve("pg"))).as("no embedded server was started").isFalse();
            }
        }
    }
}
