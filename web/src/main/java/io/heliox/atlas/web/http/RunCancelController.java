package io.heliox.atlas.web.http;

import io.heliox.atlas.web.caller.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.command.application.RunCancelService;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.query.run.RunEventReader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * {@code POST /v1/runs/{id}/cancel}: ends a run that is still going with a {@code run.cancelled}
 * error event; a run that already ended is left as it is. Either way the answer is 202 with the
 * run as it now stands, so a client may repeat the call.
 */
@RestController
public class RunCancelController {

    private final RunCancelService cancels;
    private final RequestBodies bodies;
    private final RunEventReader reader;

    public RunCancelController(RunCancelService cancels, RequestBodies bodies, RunEventReader reader) {
        this.cancels = cancels;
        this.bodies = bodies;
        this.reader = reader;
    }

    @PostMapping(path = "/v1/runs/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> cancel(@PathVariable String id, HttpServletRequest request, Caller caller) {
        RunId runId = Params.runId(id);
        cancels.cancel(runId, reason(request), caller.scope());
        ObjectNode run = reader.summary(runId, caller.scope()).map(RunController::toJson)
                .orElseThrow(() -> ApiProblem.notFound("no run " + runId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(run);
    }

    /** The optional body {@code {"reason": "..."}} (contract schema cancel-run-request); no body at all is the usual call. */
    private String reason(HttpServletRequest request) {
        JsonNode body = bodies.readOptional(request, ContractSchemas.CANCEL_RUN_REQUEST);
        return body != null && body.hasNonNull("reason") ? body.get("reason").asText() : null;
    }
}
