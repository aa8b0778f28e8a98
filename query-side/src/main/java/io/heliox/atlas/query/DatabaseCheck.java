package io.heliox.atlas.query;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/** Whether the database answers a query now: the health check's one real probe. */
public class DatabaseCheck {

    private final JdbcTemplate jdbc;

    public DatabaseCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the database answers; otherwise what went wrong, in a few words. */
    public Optional<String> problem() {
        try {
            jdbc.queryForObject("select 1", Integer.class);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the database does not answer: " + e.getClass().getSimpleName());
        }
    }
}
