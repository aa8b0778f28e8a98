package io.heliox.atlas.query.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.trading.SessionOrderEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Locale;

/**
 * Keeps {@code paper_session_orders} and {@code paper_session_fills} from a session's order events:
 * an order's row follows it from submitted (or denied by the risk engine) through working and its
 * fills to filled, rejected or cancelled; each fill is a row of its own. Part of the paper-sessions
 * projection, so it runs in the transaction that records the event.
 *
 * <p>The rows' workspace is the session's (the events of bars carry no caller), read from its
 * {@code paper_sessions} row.
 */
final class SessionOrderRows {

    private static final String WORKSPACE = "(select workspace_id from paper_sessions where id = ?)";

    private final JdbcTemplate jdbc;

    SessionOrderRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void on(SessionOrderEvent event, long seq) {
        JsonNode d = event.detail();
        Timestamp at = Timestamp.from(event.at());
        switch (event.kind()) {
            case "submitted" -> insert(event, d, "submitted", null, null, at);
            case "risk_denied" -> {
                if (d.path("order").isObject()) { // a denied modify names no new order: its order's row stays
                    insert(event, d.get("order"), "denied", d.path("code").asText(), d.path("detail").asText(), at);
                }
            }
            case "acknowledged" -> jdbc.update("""
                    update paper_session_orders set status = 'working', updated_at = ?
                    where session_id = ? and client_order_id = ? and status = 'submitted'""",
                    at, event.sessionId(), event.clientOrderId());
            case "rejected" -> {
                if (!"modify".equals(d.path("request").asText())) { // a refused modify leaves the order working
                    end(event, "rejected", d, at);
                }
            }
            case "modified" -> jdbc.update("""
                    update paper_session_orders set quantity = coalesce(?, quantity),
                        limit_price = coalesce(?, limit_price), stop_price = coalesce(?, stop_price), updated_at = ?
                    where session_id = ? and client_order_id = ?""",
                    decimal(d.path("quantity")), decimal(d.path("limit_price")), decimal(d.path("stop_price")), at,
                    event.sessionId(), event.clientOrderId());
            case "filled" -> fill(event, d, seq, at);
            case "closed" -> end(event, "cancelled", d, at);
            default -> throw new IllegalArgumentException("an order event of an unknown kind: " + event.kind());
        }
    }

    private void insert(SessionOrderEvent event, JsonNode order, String status, String code, String detail,
                        Timestamp at) {
        jdbc.update("""
                insert into paper_session_orders (session_id, client_order_id, workspace_id, side, type, quantity,
                    limit_price, stop_price, time_in_force, reduce_only, status, reason_code, reason_detail, bar,
                    submitted_at, updated_at)
                values (?, ?, %s, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (session_id, client_order_id) do nothing""".formatted(WORKSPACE),
                event.sessionId(), order.path("client_order_id").asText(event.clientOrderId()), event.sessionId(),
                lower(order.path("side")), lower(order.path("type")), decimal(order.path("quantity")),
                decimal(order.path("limit_price")), decimal(order.path("stop_price")),
                lower(order.path("time_in_force")), order.path("reduce_only").asBoolean(false), status, code, detail,
                event.bar(), at, at);
    }

    private void fill(SessionOrderEvent event, JsonNode d, long seq, Timestamp at) {
        JsonNode fill = d.path("fill");
        BigDecimal quantity = decimal(fill.path("quantity"));
        BigDecimal price = decimal(fill.path("price"));
        BigDecimal leaves = decimal(d.path("leaves"));
        jdbc.update("""
                insert into paper_session_fills (session_id, seq, workspace_id, client_order_id, side, quantity, price,
                    fee, liquidity, slippage, leaves, bar, filled_at)
                values (?, ?, %s, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (session_id, seq) do nothing"""
                        .formatted(WORKSPACE),
                event.sessionId(), seq, event.sessionId(), event.clientOrderId(), lower(fill.path("side")), quantity,
                price, decimal(fill.path("fee")), lower(d.path("liquidity")), decimal(d.path("slippage")), leaves,
                event.bar(), at);
        // The order's average price weighs this fill by its quantity against what was filled before.
        jdbc.update("""
                update paper_session_orders set
                    average_price = (coalesce(average_price, 0) * filled_quantity + ? * ?) / (filled_quantity + ?),
                    filled_quantity = filled_quantity + ?,
                    status = case when ? = 0 then 'filled' else 'partially_filled' end, updated_at = ?
                where session_id = ? and client_order_id = ?""",
                price, quantity, quantity, quantity, leaves.signum(), at, event.sessionId(), event.clientOrderId());
        jdbc.update("update paper_sessions set fills = fills + 1 where id = ?", event.sessionId());
    }

    private void end(SessionOrderEvent event, String status, JsonNode d, Timestamp at) {
        jdbc.update("""
                update paper_session_orders set status = ?, reason_code = ?, reason_detail = ?, updated_at = ?
                where session_id = ? and client_order_id = ? and status not in ('filled', 'denied')""",
                status, d.path("code").asText(null), d.path("detail").asText(null), at, event.sessionId(),
                event.clientOrderId());
    }

    /** A JSON number (or numeric string) as an exact decimal; null when absent. */
    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
    }

    private static String lower(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText().toLowerCase(Locale.ROOT);
    }
}
