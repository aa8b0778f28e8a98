package io.heliox.atlas.command.trading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.heliox.atlas.api.trading.SessionBarClosedEvent;
import io.heliox.atlas.api.trading.SessionOrderEvent;
import io.heliox.atlas.api.trading.SessionPositionChangedEvent;
import io.heliox.atlas.api.trading.SessionRiskEvent;
import io.heliox.atlas.trading.account.Position;
import io.heliox.atlas.trading.execution.ExecutionReport;
import io.heliox.atlas.trading.execution.OrderAcknowledged;
import io.heliox.atlas.trading.execution.OrderClosed;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.execution.OrderModified;
import io.heliox.atlas.trading.execution.OrderRejected;
import io.heliox.atlas.trading.risk.LimitUsage;
import io.heliox.atlas.trading.risk.RiskEvent;
import io.heliox.atlas.trading.risk.RiskUsage;
import io.heliox.atlas.trading.risk.RiskWarning;
import io.heliox.atlas.trading.risk.TradingStateChanged;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.session.SessionEvent;
import io.heliox.atlas.trading.session.StrategySession;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a {@link io.heliox.atlas.trading.session.StrategySession} did, as the session aggregate's
 * events: the wire records of {@code api.trading}, with snake_case JSON details. Kill switches and
 * stops are left out: the aggregate records those as its inputs.
 */
final class SessionEventWire {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private SessionEventWire() {
    }

    /**
     * @param session the session after the input that produced {@code produced}: the position and cash
     *                recorded are its own, once, after the fills (and before the bar's close, if any)
     */
    static List<Object> events(UUID sessionId, int bar, List<SessionEvent> produced, StrategySession session,
                               Instant at) {
        List<Object> out = new ArrayList<>();
        String signal = "none";
        double close = Double.NaN;
        boolean filled = false;
        int closedAt = -1;
        for (SessionEvent event : produced) {
            if (event instanceof SessionEvent.BarDecided decided) {
                signal = decided.signal().dslName();
                close = decided.close();
            } else if (event instanceof SessionEvent.OrderSubmitted submitted) {
                out.add(new SessionOrderEvent(sessionId, bar, "submitted", submitted.order().clientOrderId(),
                        JSON.valueToTree(submitted.order()), at));
            } else if (event instanceof SessionEvent.RiskDenied denied) {
                ObjectNode detail = JSON.createObjectNode().put("code", denied.code()).put("detail", denied.detail());
                detail.put("limit_value", denied.limitValue()).put("observed", denied.observed());
                detail.set("order", JSON.valueToTree(denied.order()));
                out.add(new SessionOrderEvent(sessionId, bar, "risk_denied",
                        denied.order() == null ? "" : denied.order().clientOrderId(), detail, at));
            } else if (event instanceof SessionEvent.Reported reported) {
                out.add(order(sessionId, bar, reported.report(), at));
                filled |= reported.report() instanceof OrderFilled;
            } else if (event instanceof SessionEvent.Risk risk) {
                out.add(new SessionRiskEvent(sessionId, bar, kind(risk.event()), JSON.valueToTree(risk.event()), at));
            } else if (event instanceof SessionEvent.LimitsChanged changed) {
                ObjectNode detail = JSON.createObjectNode().put("principal", changed.principal())
                        .put("reason", changed.reason());
                detail.set("usage", usage(session.usage()));
                out.add(new SessionRiskEvent(sessionId, bar, "limits_changed", detail, at));
            } else if (event instanceof SessionEvent.StateChanged changed) {
                out.add(new SessionRiskEvent(sessionId, bar, "state_changed", JSON.createObjectNode()
                        .put("from", wire(changed.from())).put("to", wire(changed.to())), at));
            } else if (event instanceof SessionEvent.EquityMarked marked) {
                closedAt = out.size();
                out.add(new SessionBarClosedEvent(sessionId, bar, marked.time(), close, signal, marked.equity(),
                        session.position(), wire(marked.state()), usage(session.usage()), at));
            }
        }
        if (filled) {
            Position book = session.book();
            InstrumentId id = book.instrumentId();
            out.add(closedAt < 0 ? out.size() : closedAt, new SessionPositionChangedEvent(sessionId, bar,
                    id.symbol() + "." + id.venue(), book.quantity(), book.averagePrice(), book.realised(), book.fees(),
                    session.cash(), at));
        }
        return out;
    }

    /** Each limit's usage, decimals as strings (exact; a JSON number is a double to most readers). */
    static ObjectNode usage(RiskUsage usage) {
        ObjectNode node = JSON.createObjectNode().put("at", usage.at().toString()).put("state", wire(usage.state()))
                .put("equity", plain(usage.equity())).put("marginUsed", plain(usage.marginUsed()))
                .put("marginAvailable", plain(usage.marginAvailable()));
        ArrayNode limits = node.putArray("limits");
        for (LimitUsage limit : usage.limits()) {
            limits.addObject().put("code", limit.code()).put("scope", limit.scope()).put("limit", plain(limit.limit()))
                    .put("used", plain(limit.used())).put("exceeded", limit.exceeded());
        }
        return node;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static SessionOrderEvent order(UUID sessionId, int bar, ExecutionReport report, Instant at) {
        String kind;
        if (report instanceof OrderAcknowledged) {
            kind = "acknowledged";
        } else if (report instanceof OrderRejected) {
            kind = "rejected";
        } else if (report instanceof OrderFilled) {
            kind = "filled";
        } else if (report instanceof OrderModified) {
            kind = "modified";
        } else if (report instanceof OrderClosed) {
            kind = "closed";
        } else {
            throw new IllegalArgumentException("an unknown report " + report);
        }
        return new SessionOrderEvent(sessionId, bar, kind, report.clientOrderId(), JSON.valueToTree(report), at);
    }

    private static String kind(RiskEvent event) {
        if (event instanceof RiskWarning) {
            return "warning";
        }
        if (event instanceof TradingStateChanged) {
            return "risk_state_changed";
        }
        return event.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
