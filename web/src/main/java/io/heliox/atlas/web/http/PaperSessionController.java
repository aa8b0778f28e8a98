package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.command.application.trading.PaperSessionService;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.query.trading.PaperSessionList;
import io.heliox.atlas.query.trading.PaperSessionLog;
import io.heliox.atlas.query.trading.PaperSessionView;
import io.heliox.atlas.query.trading.SessionFillView;
import io.heliox.atlas.query.trading.SessionOrderView;
import io.heliox.atlas.query.trading.SessionPositionView;
import io.heliox.atlas.query.trading.SessionRiskView;
import io.heliox.atlas.web.caller.Caller;
import io.heliox.atlas.web.caller.CallerStillAdmitted;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.security.core.Authentication;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Paper trading sessions: deploy a portfolio item onto a paper account, follow it, and control it
 * (kill switch, release, stop). Reads come from the {@code paper_sessions} row and the session's own
 * event stream, both scoped to the caller's workspace.
 */
@RestController
public class PaperSessionController {

    /** How many events a session stream reads at a time (a session of 10,000 bars is replayed in pages). */
    private static final int STREAM_PAGE = 500;

    private final PaperSessionService sessions;
    private final PaperSessionList list;
    private final PaperSessionLog log;
    private final RequestBodies bodies;
    private final EventStreams streams;
    private final IdentityService identity;
    private final WorkspaceService workspaces;

    public PaperSessionController(PaperSessionService sessions, PaperSessionList list, PaperSessionLog log,
                                  RequestBodies bodies, EventStreams streams, IdentityService identity,
                                  WorkspaceService workspaces) {
        this.sessions = sessions;
        this.list = list;
        this.log = log;
        this.bodies = bodies;
        this.streams = streams;
        this.identity = identity;
        this.workspaces = workspaces;
    }

    @PostMapping(path = "/v1/paper-sessions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> start(HttpServletRequest request, Caller caller) {
        JsonNode body = bodies.read(request, ContractSchemas.PAPER_SESSION_REQUEST);
        UUID id;
        try {
            id = sessions.deploy(body, caller.scope(), caller.workspaceId(), caller.principal().username());
        } catch (PaperSessionService.PackageRefused e) {
            throw new ApiProblem(HttpStatus.CONFLICT, e.code(), "The item's package cannot be deployed", e.getMessage(),
                    List.of(new Violation("/portfolioItemId", e.getMessage(), null)));
        } catch (PaperSessionService.BadSettings e) {
            throw ApiProblem.invalidBody(List.of(new Violation(e.pointer(), e.getMessage(), null)));
        }
        return ResponseEntity.created(URI.create("/v1/paper-sessions/" + id)).body(toJson(find(id, caller)));
    }

    @GetMapping(path = "/v1/paper-sessions", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode all(Caller caller) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        list.all(caller.scope()).forEach(session -> items.add(toJson(session)));
        return out;
    }

    @GetMapping(path = "/v1/paper-sessions/{sessionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode one(@PathVariable String sessionId, Caller caller) {
        return toJson(find(Params.uuid("/path/sessionId", sessionId), caller));
    }

    @GetMapping(path = "/v1/paper-sessions/{sessionId}/activity", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode activity(@PathVariable String sessionId, @RequestParam(required = false) String after,
                               @RequestParam(required = false) String limit, Caller caller) {
        UUID id = Params.uuid("/path/sessionId", sessionId);
        long from = after == null ? 0 : Params.nonNegative("/query/after", after);
        PaperSessionLog.Page page = log.after(id, from, Params.limit(limit, 200, 1000), caller.scope())
                .orElseThrow(() -> ApiProblem.notFound("no paper session " + id));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        page.entries().forEach(entry -> items.add(toJson(entry)));
        out.put("nextAfter", page.nextAfter());
        return out;
    }

    @GetMapping(path = "/v1/paper-sessions/{sessionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable String sessionId,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                             @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
                             Authentication authentication, HttpServletRequest request, Caller caller) {
        UUID id = Params.uuid("/path/sessionId", sessionId);
        long after = Params.lastEventId(lastEventIdParam, lastEventIdHeader, -1); // a session's stream begins at seq 0
        find(id, caller);
        return streams.open(id.toString(), after, new SessionStream(id),
                CallerStillAdmitted.of(authentication, request, identity, caller, workspaces));
    }

    /**
     * A session's stream ends after its stop, and after what the stop caused: the cancellations of its
     * open orders are recorded after the stop, in the same commit, so once the stop has been read the
     * stream ends with the last event there is.
     */
    private final class SessionStream implements EventStreams.Source {
        private final UUID id;
        private volatile boolean stopped;

        SessionStream(UUID id) {
            this.id = id;
        }

        @Override
        public List<EventStreams.Item> after(long afterSeq) {
            List<PaperSessionLog.Entry> page = log.stream(id, afterSeq, STREAM_PAGE);
            stopped |= page.stream().anyMatch(e -> e.type().equals("stopped"));
            boolean ends = stopped && page.size() < STREAM_PAGE;
            List<EventStreams.Item> items = new java.util.ArrayList<>(page.size());
            for (int i = 0; i < page.size(); i++) {
                PaperSessionLog.Entry e = page.get(i);
                items.add(new EventStreams.Item(e.seq(), e.type(), toJson(e).toString(), ends && i == page.size() - 1));
            }
            return items;
        }

        @Override
        public boolean finished() {
            return stopped;
        }
    }

    @GetMapping(path = "/v1/paper-sessions/{sessionId}/equity", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode equity(@PathVariable String sessionId, Caller caller) {
        UUID id = Params.uuid("/path/sessionId", sessionId);
        List<PaperSessionLog.Point> points = log.equity(id, caller.scope())
                .orElseThrow(() -> ApiProblem.notFound("no paper session " + id));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("points");
        for (PaperSessionLog.Point p : points) {
            items.addObject().put("bar", p.bar()).put("barClose", p.barClose().toString()).put("close", p.close())
                    .put("signal", p.signal()).put("equity", plain(p.equity()))
                    .put("position", plain(p.position())).put("state", p.state());
        }
        return out;
    }

    @GetMapping(path = "/v1/paper-sessions/{sessionId}/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode orders(@PathVariable String sessionId, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String limit, Caller caller) {
        UUID id = Params.uuid("/path/sessionId", sessionId);
        boolean openOnly = status != null && switch (status) {
            case "open" -> true;
            case "all" -> false;
            default -> throw ApiProblem.invalidParameter("/query/status", "status is open or all");
        };
        int max = Params.limit(limit, 200, 1000);
        find(id, caller);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        for (SessionOrderView o : list.orders(id, openOnly, max, caller.scope())) {
            ObjectNode item = items.addObject().put("clientOrderId", o.clientOrderId()).put("side", o.side())
                    .put("type", o.type()).put("quantity", plain(o.quantity()));
            item.put("limitPrice", plain(o.limitPrice())).put("stopPrice", plain(o.stopPrice()))
                    .put("timeInForce", o.timeInForce()).put("reduceOnly", o.reduceOnly()).put("status", o.status())
                    .put("open", o.open()).put("filledQuantity", plain(o.filledQuantity()))
                    .put("averagePrice", plain(o.averagePrice())).put("reasonCode", o.reasonCode())
                    .put("reasonDetail", o.reasonDetail()).put("bar", o.bar())
                    .put("submittedAt", o.submittedAt().toString()).put("updatedAt", o.updatedAt().toString());
        }
        return out;
    }

    @GetMapping(path = "/v1/paper-sessions/{sessionId}/fills", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode fills(@PathVariable String sessionId, @RequestParam(required = false) String after,
                            @RequestParam(required = false) String limit, Caller caller) {
        UUID id = Params.uuid("/path/sessionId", sessionId);
        long from = after == null ? 0 : Params.nonNegative("/query/after", after);
        int max = Params.limit(limit, 200, 1000);
        find(id, caller);
        List<SessionFillView> fills = list.fills(id, from, max, caller.scope());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        for (SessionFillView f : fills) {
            items.addObject().put("seq", f.seq()).put("clientOrderId", f.clientOrderId()).put("side", f.side())
                    .put("quantity", plain(f.quantity())).put("price", plain(f.price())).put("fee", plain(f.fee()))
                    .put("liquidity", f.liquidity()).put("slippage", plain(f.slippage()))
                    .put("leaves", plain(f.leaves())).put("bar", f.bar()).put("filledAt", f.filledAt().toString());
        }
        out.put("nextAfter", fills.size() == max ? fills.get(fills.size() - 1).seq() : null);
        return out;
    }

    @GetMapping(path = "/v1/paper-sessions/{sessionId}/positions", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode positions(@PathVariable String sessionId, Caller caller) {
        UUID id = Params.uuid("/path/sessionId", sessionId);
        find(id, caller);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        for (SessionPositionView p : list.positions(id, caller.scope())) {
            items.addObject().put("instrument", p.instrument()).put("quantity", plain(p.quantity()))
                    .put("averagePrice", plain(p.averagePrice())).put("markPrice", plain(p.markPrice()))
                    .put("unrealised", plain(p.unrealised())).put("realised", plain(p.realised()))
                    .put("fees", plain(p.fees())).put("cash", plain(p.cash()))
                    .put("updatedAt", p.updatedAt().toString());
        }
        return out;
    }

    @GetMapping(path = "/v1/paper-sessions/{sessionId}/risk", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode risk(@PathVariable String sessionId, Caller caller) {
        return riskOf(Params.uuid("/path/sessionId", sessionId), caller);
    }

    @PutMapping(path = "/v1/paper-sessions/{sessionId}/risk", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode changeRisk(@PathVariable String sessionId, HttpServletRequest request, Caller caller) {
        UUID id = Params.uuid("/path/sessionId", sessionId);
        JsonNode body = bodies.read(request, ContractSchemas.SESSION_RISK_REQUEST);
        find(id, caller);
        try {
            sessions.changeRiskLimits(id, body.get("risk"), caller.principal().username(), body.path("reason").asText(null));
        } catch (PaperSessionService.BadSettings e) {
            throw ApiProblem.invalidBody(List.of(new Violation(e.pointer(), e.getMessage(), null)));
        } catch (PaperSessionService.SessionStopped e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        return riskOf(id, caller);
    }

    private ObjectNode riskOf(UUID id, Caller caller) {
        SessionRiskView risk = list.risk(id, caller.scope()).orElseThrow(() -> ApiProblem.notFound("no paper session " + id));
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("status", risk.status()).put("state", risk.state());
        out.set("limits", risk.limits());
        out.set("usage", risk.usage() == null ? JsonNodeFactory.instance.nullNode() : risk.usage());
        return out;
    }

    @PostMapping(path = "/v1/paper-sessions/{sessionId}/kill", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode kill(@PathVariable String sessionId, HttpServletRequest request, Caller caller) {
        return control(sessionId, request, caller, (id, reason) -> sessions.kill(id, caller.principal().username(), reason));
    }

    @PostMapping(path = "/v1/paper-sessions/{sessionId}/release", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode release(@PathVariable String sessionId, HttpServletRequest request, Caller caller) {
        return control(sessionId, request, caller, (id, reason) -> sessions.release(id, caller.principal().username(), reason));
    }

    @PostMapping(path = "/v1/paper-sessions/{sessionId}/stop", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode stop(@PathVariable String sessionId, HttpServletRequest request, Caller caller) {
        return control(sessionId, request, caller, (id, reason) -> sessions.stop(id, caller.principal().username(), reason));
    }

    /** A command on a session of the caller's workspace (404 for any other), then the session as it now stands. */
    private ObjectNode control(String sessionId, HttpServletRequest request, Caller caller,
                               BiConsumer<UUID, String> command) {
        UUID id = Params.uuid("/path/sessionId", sessionId);
        JsonNode body = bodies.readOptional(request, ContractSchemas.SESSION_CONTROL_REQUEST);
        find(id, caller);
        try {
            command.accept(id, body != null && body.hasNonNull("reason") ? body.get("reason").asText() : null);
        } catch (PaperSessionService.BadSettings e) {
            throw ApiProblem.invalidBody(List.of(new Violation(e.pointer(), e.getMessage(), null)));
        }
        return toJson(find(id, caller));
    }

    private static ObjectNode toJson(PaperSessionLog.Entry entry) {
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("seq", entry.seq()).put("type", entry.type());
        if (entry.kind() != null) {
            item.put("kind", entry.kind());
        }
        if (entry.bar() != null) {
            item.put("bar", entry.bar());
        }
        if (entry.clientOrderId() != null && !entry.clientOrderId().isEmpty()) {
            item.put("clientOrderId", entry.clientOrderId());
        }
        if (entry.detail() != null && entry.detail().isObject()) {
            item.set("detail", entry.detail());
        }
        return item.put("at", entry.at().toString());
    }

    private PaperSessionView find(UUID id, Caller caller) {
        return list.find(id, caller.scope()).orElseThrow(() -> ApiProblem.notFound("no paper session " + id));
    }

    private static ObjectNode toJson(PaperSessionView s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", s.id().toString());
        node.put("accountId", s.accountId());
        node.put("instrument", s.instrument());
        node.put("principal", s.principal());
        node.put("status", s.status());
        node.put("state", s.state());
        node.put("nextBar", s.nextBar());
        node.put("barsTotal", s.barsTotal());
        node.put("barEveryMs", s.barEveryMs());
        node.put("equity", plain(s.equity()));
        node.put("position", plain(s.position()));
        node.put("fills", s.fills());
        node.put("startedAt", s.startedAt().toString());
        node.put("stoppedAt", s.stoppedAt() == null ? null : s.stoppedAt().toString());
        node.put("stopReason", s.stopReason());
        node.put("peakEquity", plain(s.peakEquity()));
        node.put("drawdown", plain(s.drawdown()));
        node.put("lastClose", s.lastClose());
        return node;
    }

    /** Decimals travel as strings: JSON numbers are doubles in most clients. */
    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
