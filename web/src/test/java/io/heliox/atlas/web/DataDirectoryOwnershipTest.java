package io.heliox.atlas.web;

import io.heliox.atlas.web.infra.EmbeddedDatabase;
import io.heliox.atlas.web.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second ATLAS on the same data directory must not "recover" the first one's live database
 * (the orphan stopper would kill it): it fails fast and says why.
 */
class DataDirectoryOwnershipTest {

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsRefused() throws Exception {
        Path dir = TestDatabase.freshDataDir().resolve("pg");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dir, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another ATLAS is running on");
            // and the first one's server is still alive
            try (var c = java.sql.DriverManager.getConnection(first.jdbcUrl(), "postgres", "postgres")) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dir, 0)) {
            assertThat(again.port()).isPositive(); // released on close: the next start owns it
        }
    }
}
