package io.heliox.atlas.query.strategy;

import io.heliox.atlas.api.strategy.StrategyVersionPackagedEvent;
import io.heliox.atlas.api.strategy.StrategyVersionRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/** Projects the latest version of each strategy into {@code strategies}. */
@ProcessingGroup(StrategyProjection.PROCESSING_GROUP)
public class StrategyProjection {

    public static final String PROCESSING_GROUP = "strategies-projection";

    private final JdbcTemplate jdbc;

    public StrategyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StrategyVersionRegisteredEvent event) {
        Timestamp at = Timestamp.from(event.ts());
        jdbc.update("""
                insert into strategies (id, name, latest_version, dsl, content_hash, created_at, updated_at, package_ref)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb)
                on conflict (id) do update set name = excluded.name, latest_version = excluded.latest_version,
                  dsl = excluded.dsl, content_hash = excluded.content_hash, updated_at = excluded.updated_at,
                  package_ref = excluded.package_ref
                where strategies.latest_version < excluded.latest_version""",
                event.strategyId(), event.name(), event.version(), event.dsl().toString(), event.contentHash(), at, at,
                event.packageRef() == null || event.packageRef().isNull() ? null : event.packageRef().toString());
    }

    /** The package reaches the row only while that version is the latest (the row shows the latest). */
    @EventHandler
    void on(StrategyVersionPackagedEvent event) {
        jdbc.update("update strategies set package_ref = ?::jsonb, updated_at = ? where id = ? and latest_version = ?",
                event.packageRef().toString(), Timestamp.from(event.ts()), event.strategyId(), event.version());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from strategies");
    }
}
