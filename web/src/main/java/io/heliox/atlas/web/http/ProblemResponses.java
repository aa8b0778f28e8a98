package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.command.application.identity.IdentityException;
import io.heliox.atlas.api.workspace.WorkspaceAccessDeniedException;
import io.heliox.atlas.api.usage.QuotaExceededException;
import io.heliox.atlas.api.workspace.WorkspaceRuleException;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.web.infra.MessageContext;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Turns every failure into {@code application/problem+json} (contract schema Problem): client
 * mistakes into precise 4xx with pointers, and anything unexpected into a 500 that names the
 * trace id but leaks no internals.
 */
@RestControllerAdvice
public class ProblemResponses {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_BASE = "https://heliox.io/atlas/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ObjectNode> apiProblem(ApiProblem problem, HttpServletRequest request) {
        ResponseEntity<ObjectNode> response = body(problem.status(), problem.type(), problem.title(), problem.getMessage(),
                problem.errors(), request);
        if (problem.extensions() != null) {
            problem.extensions().properties().forEach(member -> response.getBody().set(member.getKey(), member.getValue()));
        }
        if (problem.retryAfterSeconds() > 0) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header("Retry-After", Long.toString(problem.retryAfterSeconds())).body(response.getBody());
        }
        return response;
    }

    /** A service's "no such run, result or package": the API's 404. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ObjectNode> notFound(NotFoundException e, HttpServletRequest request) {
        return apiProblem(ApiProblem.notFound(e.getMessage()), request);
    }

    /** A request about users or keys that cannot be granted, answered as its reason deserves. */
    @ExceptionHandler(IdentityException.class)
    ResponseEntity<ObjectNode> identity(IdentityException e, HttpServletRequest request) {
        return apiProblem(switch (e.reason()) {
            case INVALID -> ApiProblem.invalidBody(List.of(new Violation("", e.getMessage(), null)));
            case NOT_FOUND -> ApiProblem.notFound(e.getMessage());
            case CONFLICT -> ApiProblem.conflict(e.getMessage());
            case THROTTLED -> ApiProblem.tooManyRequests(e.getMessage(), e.retryAfterSeconds());
        }, request);
    }

    /** The workspace's rules (a name taken, the last admin leaving): 409. */
    @ExceptionHandler(WorkspaceRuleException.class)
    ResponseEntity<ObjectNode> workspaceRule(WorkspaceRuleException e, HttpServletRequest request) {
        return apiProblem(ApiProblem.conflict(e.getMessage()), request);
    }

    /**
     * A workspace quota: 429 naming it (members {@code quota}, {@code limit}, {@code used},
     * {@code requested}); a quota of the day is retried after the next UTC midnight, a quota of
     * runs in flight a little later, and what a workspace keeps not until it keeps less.
     */
    @ExceptionHandler(QuotaExceededException.class)
    ResponseEntity<ObjectNode> quotaExceeded(QuotaExceededException e, HttpServletRequest request) {
        ObjectNode members = JsonNodeFactory.instance.objectNode()
                .put("quota", e.quota().wireName()).put("limit", e.limit()).put("used", e.used())
                .put("requested", e.requested());
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded", "Quota exceeded",
                e.getMessage(), List.of(), members);
        return apiProblem(switch (e.quota()) {
            case RUNS_PER_DAY, MODEL_TOKENS_PER_DAY -> problem.retryAfter(Math.max(1, Duration.between(Instant.now(),
                    LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds()));
            case CONCURRENT_RUNS -> problem.retryAfter(30);
            default -> problem;
        }, request);
    }

    /** The command side's workspace gate refused the caller's role: 403. */
    @ExceptionHandler(WorkspaceAccessDeniedException.class)
    ResponseEntity<ObjectNode> workspaceAccess(WorkspaceAccessDeniedException e, HttpServletRequest request) {
        return apiProblem(new ApiProblem(HttpStatus.FORBIDDEN, "role-required", "Role required", e.getMessage(),
                List.of()), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ObjectNode> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String detail = "Content-Type " + (e.getContentType() == null ? "(none)" : e.getContentType())
                + " is not supported; send application/json";
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail,
                List.of(new Violation("/header/Content-Type", detail, null)), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ObjectNode> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return body(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "this endpoint cannot produce the media type named in Accept", List.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ObjectNode> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                e.getMethod() + " is not allowed here", List.of(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ObjectNode> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String detail = e.getName() + " has an invalid value";
        return body(HttpStatus.BAD_REQUEST, "invalid-parameter", "Request parameter is invalid", detail,
                List.of(new Violation("/query/" + e.getName(), detail, "type")), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ObjectNode> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        String detail = e.getParameterName() + " is required";
        return body(HttpStatus.BAD_REQUEST, "invalid-parameter", "Request parameter is invalid", detail,
                List.of(new Violation("/query/" + e.getParameterName(), detail, "required")), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ObjectNode> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return body(HttpStatus.NOT_FOUND, "not-found", "Not found", "no resource at " + request.getRequestURI(),
                List.of(), request);
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
        // The client closed an SSE stream; nothing to answer.
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ObjectNode> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the server failed; quote trace id " + MDC.get(MessageContext.TRACE_ID) + " when reporting it",
                List.of(), request);
    }

    public static ResponseEntity<ObjectNode> body(HttpStatus status, String type, String title, String detail,
                                           List<Violation> errors, HttpServletRequest request) {
        ObjectNode problem = JsonNodeFactory.instance.objectNode();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        String traceId = MDC.get(MessageContext.TRACE_ID);
        if (traceId != null) {
            problem.put("traceId", traceId);
        }
        if (!errors.isEmpty()) {
            var list = problem.putArray("errors");
            for (Violation v : errors) {
                ObjectNode error = list.addObject();
                error.put("pointer", v.pointer());
                error.put("message", v.message());
                if (v.keyword() != null) {
                    error.put("keyword", v.keyword());
                }
            }
        }
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(problem);
    }
}
