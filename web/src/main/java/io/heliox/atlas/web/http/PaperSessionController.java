package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.trading.PaperSessionService;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.query.trading.PaperSessionList;
import io.heliox.atlas.query.trading.PaperSessionLog;
import io.heliox.atlas.query.trading.PaperSessionView;
import io.heliox.atlas.web.caller.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

    private final PaperSessionService sessions;
    private final PaperSessionList list;
    private final PaperSessionLog log;
    private final RequestBodies bodies;

    public PaperSessionController(PaperSessionService sessions, PaperSessionList list, PaperSessionLog log,
                                  RequestBodies bodies) {
        this.sessions = sessions;
        this.list = list;
        this.log = log;
        this.bodies = bodies;
    }

    @PostMapping(path = "/v1/paper-sessions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> start(HttpServletRequest request, Caller caller) {
        JsonNode body = bodies.read(request, ContractSchemas.PAPER_SESSION_REQUEST);
        UUID id;
        try {
            id = sessions.deploy(body, caller.scope(), caller.principal().username());
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
        long from = after == null ? 0 : Params.longValue("/query/after", after);
        if (from < 0) {
            throw ApiProblem.invalidParameter("/query/after", "after must not be negative");
        }
        PaperSessionLog.Page page = log.after(id, from, Params.limit(limit, 200, 1000), caller.scope())
                .orElseThrow(() -> ApiProblem.notFound("no paper session " + id));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var items = out.putArray("items");
        for (PaperSessionLog.Entry entry : page.entries()) {
            ObjectNode item = items.addObject().put("seq", entry.seq()).put("type", entry.type());
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
            item.put("at", entry.at().toString());
        }
        out.put("nextAfter", page.nextAfter());
        return out;
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
                    .put("signal", p.signal()).put("equity", p.equity().toPlainString())
                    .put("position", p.position().toPlainString()).put("state", p.state());
        }
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
        node.put("equity", s.equity() == null ? null : s.equity().toPlainString());
        node.put("position", s.position().toPlainString());
        node.put("fills", s.fills());
        node.put("startedAt", s.startedAt().toString());
        node.put("stoppedAt", s.stoppedAt() == null ? null : s.stoppedAt().toString());
        node.put("stopReason", s.stopReason());
        return node;
    }
}
