package io.heliox.atlas.web.http.orch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.orch.ArchitectNode;
import io.heliox.atlas.command.orch.LlmTrace;
import io.heliox.atlas.command.orch.NodeFailed;
import io.heliox.atlas.command.orch.SynthNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.web.http.ApiProblem;
import io.heliox.atlas.web.http.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.function.Supplier;

/**
 * The architect and synth nodes as endpoints (roadmap 2.3.8), for trying a prompt or a blueprint
 * without a run; a run calls the very same nodes. A model answer that cannot be made valid is a
 * 422 with the failure's code as an extension member; a model that cannot be reached is a 503.
 */
@RestController
public class OrchController {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ArchitectNode architect;
    private final SynthNode synth;
    private final RequestBodies bodies;

    public OrchController(ArchitectNode architect, SynthNode synth, RequestBodies bodies) {
        this.architect = architect;
        this.synth = synth;
        this.bodies = bodies;
    }

    @PostMapping(path = "/api/v1/orch/architect", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode architect(HttpServletRequest request) {
        JsonNode body = bodies.read(request, ContractSchemas.ARCHITECT_REQUEST);
        ArchitectNode.Result result = answer(() -> architect.run(body.get("prompt").asText(), body.path("seed").asLong(0)));
        ObjectNode out = JSON.objectNode();
        out.set("blueprint", result.blueprint());
        out.set("llm", LlmTrace.json(result.calls(), result.injectionFlags(), null));
        return out;
    }

    @PostMapping(path = "/api/v1/orch/synth", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode synth(HttpServletRequest request) {
        JsonNode body = bodies.read(request, ContractSchemas.SYNTH_REQUEST);
        SynthNode.Result result = answer(() -> synth.run(body.get("blueprint"), body.path("seed").asLong(0)));
        ObjectNode out = JSON.objectNode();
        out.set("candidates", result.candidates());
        out.set("llm", LlmTrace.json(result.calls(), result.injectionFlags(),
                result.iterations().stream().map(SynthNode.Iteration::summary).toList()));
        return out;
    }

    private static <T> T answer(Supplier<T> node) {
        try {
            return node.get();
        } catch (NodeFailed failed) {
            ObjectNode code = JSON.objectNode().put("code", failed.code());
            if (failed.code().startsWith("llm.")) {
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "model-unavailable", "Model unavailable",
                        failed.getMessage(), List.of(), code);
            }
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "model-answer-rejected", "Model answer rejected",
                    failed.getMessage(), List.of(), code);
        }
    }
}
