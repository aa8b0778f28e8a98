package io.heliox.atlas.query.portfolio;

import io.heliox.atlas.api.portfolio.PortfolioItemSavedEvent;
import io.heliox.atlas.api.workspace.Scope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/** Projects saved portfolio items into {@code portfolio_items} (idempotent on redelivery). */
@ProcessingGroup(PortfolioProjection.PROCESSING_GROUP)
public class PortfolioProjection {

    public static final String PROCESSING_GROUP = "portfolio-projection";

    private final JdbcTemplate jdbc;

    public PortfolioProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PortfolioItemSavedEvent event, EventMessage<?> message) {
        jdbc.update("""
                insert into portfolio_items (id, name, strategy, run_id, created_at, package_ref, workspace_id)
                values (?, ?, ?::jsonb, ?, ?, ?::jsonb, ?) on conflict (id) do nothing""",
                event.itemId(), event.name(), event.strategy().toString(), event.runId(), Timestamp.from(event.ts()),
                event.packageRef() == null || event.packageRef().isNull() ? null : event.packageRef().toString(),
                Scope.workspaceOf(message));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from portfolio_items");
    }
}
