package io.heliox.atlas.query.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.query.ScopedReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code paper_sessions}, newest first; only the scope's rows (row-level security, V18). */
public class PaperSessionList {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RowMapper<PaperSessionView> ROW = (rs, i) -> {
        Timestamp stopped = rs.getTimestamp("stopped_at");
        return new PaperSessionView((UUID) rs.getObject("id"), rs.getString("account_id"), rs.getString("instrument"),
                rs.getString("principal"), rs.getString("status"), rs.getString("state"), rs.getInt("next_bar"),
                rs.getInt("bars_total"), rs.getInt("bar_every_ms"), rs.getBigDecimal("equity"), rs.getBigDecimal("position"),
                rs.getInt("fills"), rs.getTimestamp("started_at").toInstant(), stopped == null ? null : stopped.toInstant(),
                rs.getString("stop_reason"), rs.getBigDecimal("peak_equity"), (Double) rs.getObject("last_close"));
    };

    private static final RowMapper<SessionOrderView> ORDER = (rs, i) -> new SessionOrderView(
            rs.getString("client_order_id"), rs.getString("side"), rs.getString("type"), rs.getBigDecimal("quantity"),
            rs.getBigDecimal("limit_price"), rs.getBigDecimal("stop_price"), rs.getString("time_in_force"),
            rs.getBoolean("reduce_only"), rs.getString("status"), rs.getBigDecimal("filled_quantity"),
            rs.getBigDecimal("average_price"), rs.getString("reason_code"), rs.getString("reason_detail"),
            rs.getInt("bar"), rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private static final RowMapper<SessionFillView> FILL = (rs, i) -> new SessionFillView(rs.getLong("seq"),
            rs.getString("client_order_id"), rs.getString("side"), rs.getBigDecimal("quantity"),
            rs.getBigDecimal("price"), rs.getBigDecimal("fee"), rs.getString("liquidity"), rs.getBigDecimal("slippage"),
            rs.getBigDecimal("leaves"), rs.getInt("bar"), rs.getTimestamp("filled_at").toInstant());

    private static final RowMapper<SessionPositionView> POSITION = (rs, i) -> new SessionPositionView(
            rs.getString("instrument"), rs.getBigDecimal("quantity"), rs.getBigDecimal("average_price"),
            rs.getBigDecimal("realised"), rs.getBigDecimal("fees"), rs.getBigDecimal("cash"),
            rs.getBigDecimal("mark_price"), rs.getTimestamp("updated_at").toInstant());

    private final ScopedReads reads;
    private final JdbcTemplate jdbc;

    public PaperSessionList(ScopedReads reads) {
        this.reads = reads;
        this.jdbc = reads.jdbc();
    }

    public List<PaperSessionView> all(Scope scope) {
        return reads.read(scope, () -> jdbc.query("select * from paper_sessions order by started_at desc, id desc", ROW));
    }

    public Optional<PaperSessionView> find(UUID id, Scope scope) {
        return reads.read(scope, () -> jdbc.query("select * from paper_sessions where id = ?", ROW, id))
                .stream().findFirst();
    }

    /**
     * The session's orders, newest first, at most {@code limit}; only those the venue may still fill
     * when {@code openOnly}.
     */
    public List<SessionOrderView> orders(UUID session, boolean openOnly, int limit, Scope scope) {
        String open = openOnly ? " and status in ('submitted', 'working', 'partially_filled')" : "";
        return reads.read(scope, () -> jdbc.query("select * from paper_session_orders where session_id = ?" + open
                + " order by submitted_at desc, bar desc, client_order_id desc limit ?", ORDER, session, limit));
    }

    /** The session's fills after stream position {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<SessionFillView> fills(UUID session, long afterSeq, int limit, Scope scope) {
        return reads.read(scope, () -> jdbc.query("""
                select * from paper_session_fills where session_id = ? and seq > ? order by seq limit ?""",
                FILL, session, afterSeq, limit));
    }

    /** The session's risk limits and their usage; empty when no session of {@code scope} has this id. */
    public Optional<SessionRiskView> risk(UUID session, Scope scope) {
        return reads.read(scope, () -> jdbc.query(
                "select status, state, risk_limits::text as limits, risk_usage::text as usage from paper_sessions where id = ?",
                (rs, i) -> new SessionRiskView(rs.getString("status"), rs.getString("state"), json(rs.getString("limits")),
                        json(rs.getString("usage"))), session)).stream().findFirst();
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a paper_sessions row holds JSON that does not parse", e);
        }
    }

    /** The session's positions (flat ones included: their realised P&L stays). */
    public List<SessionPositionView> positions(UUID session, Scope scope) {
        return reads.read(scope, () -> jdbc.query(
                "select * from paper_session_positions where session_id = ? order by instrument", POSITION, session));
    }
}
