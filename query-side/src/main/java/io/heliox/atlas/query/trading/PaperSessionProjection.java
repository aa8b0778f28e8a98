package io.heliox.atlas.query.trading;

import io.heliox.atlas.api.trading.PaperSessionStartedEvent;
import io.heliox.atlas.api.trading.PaperSessionStoppedEvent;
import io.heliox.atlas.api.trading.SessionBarClosedEvent;
import io.heliox.atlas.api.trading.SessionOrderEvent;
import io.heliox.atlas.api.trading.SessionRiskEvent;
import io.heliox.atlas.api.workspace.Scope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/**
 * Keeps {@code paper_sessions}: one row per session, where it stands. Subscribing: each event is
 * handled once, in the transaction that records it, so a session is listed the moment its start
 * command returns and a row always agrees with the events it was written from; a replay starts
 * from an empty table ({@link #reset}).
 */
@ProcessingGroup(PaperSessionProjection.PROCESSING_GROUP)
public class PaperSessionProjection {

    public static final String PROCESSING_GROUP = "paper-sessions-projection";

    private final JdbcTemplate jdbc;

    public PaperSessionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaperSessionStartedEvent event, EventMessage<?> message) {
        var s = event.settings();
        String instrument = s.at("/instrument/symbol").asText() + "." + s.at("/instrument/venue").asText();
        jdbc.update("""
                insert into paper_sessions (id, workspace_id, account_id, instrument, principal, status, state, next_bar,
                    bars_total, bar_every_ms, started_at, updated_at)
                values (?, ?, ?, ?, ?, 'running', 'active', 0, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.sessionId(), Scope.workspaceOf(message), s.path("accountId").asText(), instrument,
                event.principal() == null ? "" : event.principal(), s.at("/scenario/duration_bars").asInt(),
                s.path("barEveryMs").asInt(100), Timestamp.from(event.at()), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(SessionBarClosedEvent event) {
        jdbc.update("""
                update paper_sessions set next_bar = greatest(next_bar, ?), equity = ?, position = ?, state = ?,
                    updated_at = ? where id = ?""",
                event.bar() + 1, event.equity(), event.position(), event.state(), Timestamp.from(event.at()),
                event.sessionId());
    }

    @EventHandler
    void on(SessionOrderEvent event) {
        if (event.kind().equals("filled")) {
            jdbc.update("update paper_sessions set fills = fills + 1 where id = ?", event.sessionId());
        }
    }

    @EventHandler
    void on(SessionRiskEvent event) {
        if (event.kind().equals("state_changed")) {
            jdbc.update("update paper_sessions set state = ?, updated_at = ? where id = ?",
                    event.detail().path("to").asText(), Timestamp.from(event.at()), event.sessionId());
        }
    }

    @EventHandler
    void on(PaperSessionStoppedEvent event) {
        jdbc.update("""
                update paper_sessions set status = 'stopped', stopped_at = ?, stop_reason = ?, updated_at = ?
                where id = ?""",
                Timestamp.from(event.at()), event.reason(), Timestamp.from(event.at()), event.sessionId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from paper_sessions");
    }
}
