package io.heliox.atlas.web.http.orch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.OrchService;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.web.http.ApiProblem;
import io.heliox.atlas.web.http.RequestBodies;
import io.heliox.atlas.web.caller.Caller;
import io.heliox.atlas.web.http.RunController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.function.Supplier;

/**
 * The architect and synth nodes as endpoints, for trying a prompt or a blueprint
 * without a run; a run calls the very same nodes. A model answer that cannot be made valid is a
 * 422 with the failure's code as an extension member; a model that cannot be reached is a 503.
 */
@RestController
public class OrchController {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final OrchService orch;
    private final RequestBodies bodies;

    public OrchController(OrchService orch, RequestBodies bodies) {
        this.orch = orch;
        this.bodies = bodies;
    }

    @PostMapping(path = "/api/v1/orch/architect", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode architect(HttpServletRequest request, Caller caller) {
        RunController.requireWorkspace(caller);
        JsonNode body = bodies.read(request, ContractSchemas.ARCHITECT_REQUEST);
        OrchService.Drafted drafted = answer(() -> orch.architect(body.get("prompt").asText(), body.path("seed").asLong(0),
                caller.workspaceId()));
        ObjectNode out = JSON.objectNode();
        out.set("blueprint", drafted.blueprint());
        out.set("llm", drafted.llm());
        return out;
    }

    @PostMapping(path = "/api/v1/orch/synth", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode synth(HttpServletRequest request, Caller caller) {
        RunController.requireWorkspace(caller);
        JsonNode body = bodies.read(request, ContractSchemas.SYNTH_REQUEST);
        OrchService.Synthesized synthesized = answer(() -> orch.synth(body.get("blueprint"), body.path("seed").asLong(0),
                caller.workspaceId()));
        ObjectNode out = JSON.objectNode();
        out.set("candidates", synthesized.candidates());
        out.set("llm", synthesized.llm());
        return out;
    }

    private static <T> T answer(Supplier<T> node) {
        try {
            return node.get();
        } catch (OrchService.NodeRejected rejected) {
            ObjectNode code = JSON.objectNode().put("code", rejected.code());
            if (rejected.modelUnavailable()) {
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "model-unavailable", "Model unavailable",
                        rejected.getMessage(), List.of(), code);
            }
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "model-answer-rejected", "Model answer rejected",
                    rejected.getMessage(), List.of(), code);
        }
    }
}
