package io.heliox.atlas.query.trading;

import io.heliox.atlas.api.trading.PaperSessionStartedEvent;
import io.heliox.atlas.api.trading.PaperSessionStoppedEvent;
import io.heliox.atlas.api.trading.SessionBarClosedEvent;
import io.heliox.atlas.api.trading.SessionOrderEvent;
import io.heliox.atlas.api.trading.SessionPositionChangedEvent;
import io.heliox.atlas.api.trading.SessionRiskEvent;
import io.heliox.atlas.api.trading.SessionRiskLimitsChangedEvent;
import io.heliox.atlas.api.trading.TradingKillSwitchEvent;
import io.heliox.atlas.api.workspace.Scope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;

/**
 * Keeps {@code paper_sessions} (one row per session, where it stands) and the session's orders, fills
 * and positions ({@link SessionOrderRows}, {@code paper_session_positions}). Subscribing: each event is
 * handled once, in the transaction that records it, so a session is listed the moment its start
 * command returns and a row always agrees with the events it was written from; a replay starts
 * from an empty table ({@link #reset}).
 */
@ProcessingGroup(PaperSessionProjection.PROCESSING_GROUP)
public class PaperSessionProjection {

    public static final String PROCESSING_GROUP = "paper-sessions-projection";

    private final JdbcTemplate jdbc;
    private final SessionOrderRows orders;

    public PaperSessionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.orders = new SessionOrderRows(jdbc);
    }

    @EventHandler
    void on(PaperSessionStartedEvent event, EventMessage<?> message) {
        var s = event.settings();
        String instrument = s.at("/instrument/symbol").asText() + "." + s.at("/instrument/venue").asText();
        jdbc.update("""
                insert into paper_sessions (id, workspace_id, account_id, instrument, principal, status, state, next_bar,
                    bars_total, bar_every_ms, started_at, updated_at, risk_limits)
                values (?, ?, ?, ?, ?, 'running', 'active', 0, ?, ?, ?, ?, ?::jsonb) on conflict (id) do nothing""",
                event.sessionId(), Scope.workspaceOf(message), s.path("accountId").asText(), instrument,
                event.principal() == null ? "" : event.principal(), s.at("/scenario/duration_bars").asInt(),
                s.path("barEveryMs").asInt(100), Timestamp.from(event.at()), Timestamp.from(event.at()),
                s.path("risk").isObject() ? s.get("risk").toString() : "{}");
    }

    @EventHandler
    void on(SessionBarClosedEvent event) {
        Double close = Double.isFinite(event.close()) ? event.close() : null;
        jdbc.update("""
                update paper_sessions set next_bar = greatest(next_bar, ?), equity = ?, position = ?, state = ?,
                    peak_equity = greatest(coalesce(peak_equity, ?), ?), last_close = coalesce(?, last_close),
                    risk_usage = coalesce(?::jsonb, risk_usage), updated_at = ? where id = ?""",
                event.bar() + 1, event.equity(), event.position(), event.state(), event.equity(), event.equity(),
                close, event.risk() == null ? null : event.risk().toString(), Timestamp.from(event.at()),
                event.sessionId());
        if (close != null && event.position().signum() != 0) { // a flat position has nothing to mark
            jdbc.update("update paper_session_positions set mark_price = ?, updated_at = ? where session_id = ?",
                    new BigDecimal(Double.toString(close)), Timestamp.from(event.at()), event.sessionId());
        }
    }

    @EventHandler
    void on(SessionOrderEvent event, @SequenceNumber long seq) {
        orders.on(event, seq);
    }

    @EventHandler
    void on(SessionPositionChangedEvent event) {
        jdbc.update("""
                insert into paper_session_positions (session_id, instrument, workspace_id, quantity, average_price,
                    realised, fees, cash, mark_price, updated_at)
                values (?, ?, (select workspace_id from paper_sessions where id = ?), ?, ?, ?, ?, ?,
                    (select last_close from paper_sessions where id = ?), ?)
                on conflict (session_id, instrument) do update set quantity = excluded.quantity,
                    average_price = excluded.average_price, realised = excluded.realised, fees = excluded.fees,
                    cash = excluded.cash, updated_at = excluded.updated_at""",
                event.sessionId(), event.instrument(), event.sessionId(), event.quantity(), event.averagePrice(),
                event.realised(), event.fees(), event.cash(), event.sessionId(), Timestamp.from(event.at()));
    }

    @EventHandler
    void on(SessionRiskLimitsChangedEvent event) {
        jdbc.update("update paper_sessions set risk_limits = ?::jsonb, updated_at = ? where id = ?",
                event.risk() == null ? "{}" : event.risk().toString(), Timestamp.from(event.at()), event.sessionId());
    }

    @EventHandler
    void on(SessionRiskEvent event) {
        if (event.kind().equals("limits_changed") && event.detail().path("usage").isObject()) {
            jdbc.update("update paper_sessions set risk_usage = ?::jsonb where id = ?",
                    event.detail().get("usage").toString(), event.sessionId());
        }
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

    @EventHandler
    void on(TradingKillSwitchEvent event, EventMessage<?> message) {
        jdbc.update("""
                insert into trading_kill_switches (id, workspace_id, scope, account_id, engaged, principal, reason, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set engaged = excluded.engaged, principal = excluded.principal,
                    reason = excluded.reason, updated_at = excluded.updated_at""",
                event.switchId(), event.scope().equals("global") ? null : Scope.workspaceOf(message), event.scope(),
                event.accountId(), event.engaged(), event.principal() == null ? "" : event.principal(),
                event.reason() == null ? "" : event.reason(), Timestamp.from(event.at()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from trading_kill_switches");
        jdbc.update("delete from paper_session_fills");
        jdbc.update("delete from paper_session_orders");
        jdbc.update("delete from paper_session_positions");
        jdbc.update("delete from paper_sessions");
    }
}
