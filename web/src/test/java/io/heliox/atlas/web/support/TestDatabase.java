package io.heliox.atlas.web.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.testcontainers.containers.PostgreSQLContainer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The one place a test's database is chosen, so no test knows which it got. By default the app
 * starts its embedded PostgreSQL 17 in a fresh directory under {@code target/}. With
 * {@code ATLAS_TEST_DB=external} and {@code ATLAS_TEST_DB_URL} (+ user/password) the tests use that
 * server instead (e.g. one started by Testcontainers or CI on a machine with Docker).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static Path freshDataDir() {
        return Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues values = TestPropertyValues.of("atlas.data-dir=" + freshDataDir());
        String choice = System.getenv().getOrDefault("ATLAS_TEST_DB", "embedded");
        if ("testcontainers".equalsIgnoreCase(choice)) {
            PostgreSQLContainer<?> container = Container.INSTANCE;
            values = values.and("atlas.db.url=" + container.getJdbcUrl(), "atlas.db.user=" + container.getUsername(),
                    "atlas.db.password=" + container.getPassword());
        } else if ("external".equalsIgnoreCase(choice)) {
            values = values.and("atlas.db.url=" + require("ATLAS_TEST_DB_URL"),
                    "atlas.db.user=" + System.getenv().getOrDefault("ATLAS_TEST_DB_USER", "atlas"),
                    "atlas.db.password=" + System.getenv().getOrDefault("ATLAS_TEST_DB_PASSWORD", "atlas"));
        }
        values.applyTo(context);
    }

    /** One container for the whole test JVM, started on first use. */
    private static final class Container {
        static final PostgreSQLContainer<?> INSTANCE = start();

        private static PostgreSQLContainer<?> start() {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            return container;
        }
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("ATLAS_TEST_DB=external needs " + name);
        }
        return value;
    }
}
