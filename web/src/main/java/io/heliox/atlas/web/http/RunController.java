package io.heliox.atlas.web.http;

import io.heliox.atlas.web.caller.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.run.StartRunCommand;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.query.Page;
import io.heliox.atlas.query.run.RunEventReader;
import io.heliox.atlas.query.run.RunList;
import io.heliox.atlas.query.run.RunSummary;
import io.heliox.atlas.command.application.RunStartService;
import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import io.heliox.atlas.web.caller.AtlasAuthentication;
import io.heliox.atlas.web.caller.CallerStillAdmitted;
import io.heliox.atlas.web.infra.AtlasProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs: start one, read one, list them, stream one's events. */
@RestController
public class RunController {

    /** Largest seed the contract allows: JSON numbers are exact up to 2^53 - 1 in every client. */
    private static final long MAX_SEED = 9_007_199_254_740_991L;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final RunStartService runStarts;
    private final RequestBodies bodies;
    private final RunEventReader reader;
    private final RunList runList;
    private final EventStreams streams;
    private final IdentityService identity;
    private final WorkspaceService workspaces;
    private final AtlasProperties.Runs defaults;
    private final Clock clock;

    public RunController(RunStartService runStarts, RequestBodies bodies, RunEventReader reader, RunList runList,
                         EventStreams streams, IdentityService identity, WorkspaceService workspaces,
                         AtlasProperties properties, Clock clock) {
        this.workspaces = workspaces;
        this.runStarts = runStarts;
        this.bodies = bodies;
        this.reader = reader;
        this.runList = runList;
        this.streams = streams;
        this.identity = identity;
        this.defaults = properties.runs();
        this.clock = clock;
    }

    @PostMapping(path = "/v1/runs", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> start(HttpServletRequest request, Authentication caller, Caller workspace) {
        requireWorkspace(workspace);
        JsonNode body = bodies.read(request, ContractSchemas.START_RUN_REQUEST);
        refuseTestOptions(body.path("options"), caller);
        RunId runId = RunId.random();
        long seed = body.has("seed") ? body.get("seed").asLong() : SEEDS.nextLong(MAX_SEED + 1);
        runStarts.start(new StartRunCommand(runId, body.get("prompt").asText(), seed,
                options(body.path("options")), clock.instant()));
        ObjectNode created = JsonNodeFactory.instance.objectNode().put("runId", runId.toString());
        return ResponseEntity.created(URI.create("/v1/runs/" + runId)).body(created);
    }

    /**
     * The options made for tests can hurt others: a mock step delay holds a shared worker thread for
     * up to 10 s a step, failAt fails a run on purpose, mock mode skips the real work. Only system
     * administrators may use them, unless ATLAS_RUN_TEST_OPTIONS=everyone.
     */
    private void refuseTestOptions(JsonNode options, Authentication caller) {
        if (defaults.testOptionsForEveryone() || AtlasAuthentication.isSystemAdmin(caller)) {
            return;
        }
        List<Violation> used = new ArrayList<>();
        if (options.path("mode").asText(RunOptions.MODE_LLM).equals(RunOptions.MODE_MOCK)) {
            used.add(new Violation("/options/mode", "mode mock is a test option", null));
        }
        if (options.hasNonNull("failAt")) {
            used.add(new Violation("/options/failAt", "failAt is a test option", null));
        }
        if (options.path("mockStepDelayMs").asLong(0) > 0) {
            used.add(new Violation("/options/mockStepDelayMs", "mockStepDelayMs is a test option", null));
        }
        if (!used.isEmpty()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "test-option", "Test options are for administrators",
                    "only system administrators may use a run's test options (or set ATLAS_RUN_TEST_OPTIONS=everyone)",
                    used);
        }
    }

    private RunOptions options(JsonNode options) {
        return new RunOptions(
                options.path("mode").asText(RunOptions.MODE_LLM),
                options.hasNonNull("failAt") ? Phase.fromWire(options.get("failAt").asText()) : null,
                options.path("tokensLimit").asLong(defaults.tokensLimit()),
                options.path("timeMsLimit").asLong(defaults.timeMsLimit()),
                options.path("phaseTimeoutMs").asLong(defaults.phaseTimeoutMs()),
                options.path("mockStepDelayMs").asLong(0));
    }

    @GetMapping(path = "/v1/runs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode get(@PathVariable String id, Caller caller) {
        RunId runId = Params.runId(id);
        return reader.summary(runId, caller.scope()).map(RunController::toJson)
                .orElseThrow(() -> ApiProblem.notFound("no run " + runId));
    }

    @GetMapping(path = "/v1/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
                           Caller caller) {
        Page<RunSummary> page = runList.page(Params.limit(limit, 50, 200), Params.cursor(cursor), caller.scope());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var items = body.putArray("items");
        page.items().forEach(run -> items.add(toJson(run)));
        body.put("nextCursor", page.nextCursor());
        return body;
    }

    @GetMapping(path = "/v1/runs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable String id,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                             @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
                             Authentication caller, HttpServletRequest request, Caller workspace) {
        RunId runId = Params.runId(id);
        long after = Params.lastEventId(lastEventIdParam, lastEventIdHeader, 0);
        if (reader.summary(runId, workspace.scope()).isEmpty()) {
            throw ApiProblem.notFound("no run " + runId);
        }
        var scope = workspace.scope();
        return streams.open(runId.toString(), after, seq -> reader.phaseEvents(runId, seq + 1, scope).stream()
                        .map(e -> new EventStreams.Item(e.seq(), e.type().wireName(), e.toJson().toString(), e.terminal()))
                        .toList(),
                CallerStillAdmitted.of(caller, request, identity, workspace, workspaces));
    }

    /** A run is made in a workspace: a system administrator who is in none must name one. */
    public static void requireWorkspace(Caller caller) {
        if (caller.workspaceId() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "no-workspace", "No workspace",
                    "name the workspace to act in (header Atlas-Workspace); you are a member of none", List.of());
        }
    }

    static ObjectNode toJson(RunSummary run) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("runId", run.runId());
        node.put("status", run.status().name());
        node.put("prompt", run.prompt());
        node.put("seed", run.seed());
        node.put("lastSeq", run.lastSeq());
        node.put("createdAt", run.createdAt().toString());
        node.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        ObjectNode summary = node.putObject("summary");
        summary.put("currentPhase", run.currentPhase() == null ? null : run.currentPhase().wireName());
        summary.put("eventCount", run.eventCount());
        if (run.error() == null) {
            summary.putNull("error");
        } else {
            summary.putObject("error")
                    .put("phase", run.error().phase().wireName())
                    .put("code", run.error().code())
                    .put("message", run.error().message());
        }
        return node;
    }
}
