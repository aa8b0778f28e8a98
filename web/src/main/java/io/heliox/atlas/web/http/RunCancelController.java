package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.CancelRunCommand;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.query.run.RunEventReader;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST /v1/runs/{id}/cancel}: ends a run that is still going with a {@code run.cancelled}
 * error event; a run that already ended is left as it is. Either way the answer is 202 with the
 * run as it now stands, so a client may repeat the call.
 *
 * <p>Two nodes may append to the same run at the same moment (a cancel here, a worker step or
 * another cancel there). The event store's unique (aggregate, seq) key lets exactly one of them
 * win; the loser gets Axon's {@link ConcurrencyException}. A cancel that lost simply tries again on
 * the run as it now is (where it usually finds the run ended, a no-op), so the conflict never
 * reaches the client and never leaves a gap or a duplicate.
 */
@RestController
public class RunCancelController {

    private static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(RunCancelController.class);

    private final CommandGateway commands;
    private final RequestBodies bodies;
    private final RunEventReader reader;
    private final Clock clock;

    public RunCancelController(CommandGateway commands, RequestBodies bodies, RunEventReader reader, Clock clock) {
        this.commands = commands;
        this.bodies = bodies;
        this.reader = reader;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/runs/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> cancel(@PathVariable String id, HttpServletRequest request) {
        RunId runId = Params.runId(id);
        String reason = reason(request);
        if (reader.summary(runId).isEmpty()) {
            throw ApiProblem.notFound("no run " + runId);
        }
        send(new CancelRunCommand(runId, reason, clock.instant()));
        ObjectNode run = reader.summary(runId).map(RunController::toJson)
                .orElseThrow(() -> ApiProblem.notFound("no run " + runId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(run);
    }

    private void send(CancelRunCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(command);
                return;
            } catch (RuntimeException e) {
                if (!lostARace(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.info("cancel of run {} lost a race to another writer (attempt {}: {}), retrying", command.runId(), attempt,
                        e.getClass().getSimpleName());
                backOff(attempt);
            }
        }
    }

    /** True for an optimistic-locking conflict: another node appended to the run first. */
    static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true; // unique_violation on (aggregate_identifier, sequence_number)
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a cancel", e);
        }
    }

    /**
     * The optional body {@code {"reason": "..."}} (contract schema cancel-run-request); no body at
     * all is the usual call. A body must be JSON (415 otherwise).
     */
    private String reason(HttpServletRequest request) {
        boolean hasBody = request.getContentLengthLong() > 0
                || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null);
        if (!hasBody) {
            return null;
        }
        if (!isJson(request.getContentType())) {
            String detail = "Content-Type " + (request.getContentType() == null ? "(none)" : request.getContentType())
                    + " is not supported; send application/json or no body";
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                    detail, List.of(new Violation("/header/Content-Type", detail, null)));
        }
        JsonNode body = bodies.read(request, ContractSchemas.CANCEL_RUN_REQUEST);
        return body.hasNonNull("reason") ? body.get("reason").asText() : null;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
