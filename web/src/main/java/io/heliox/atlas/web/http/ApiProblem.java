package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.contracts.Violation;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A client error with an RFC 9457 problem body. {@code errors} point into the request with JSON
 * pointers (body fields as "/prompt", query parameters as "/query/limit", headers as
 * "/header/Last-Event-ID").
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final transient List<Violation> errors;
    private final transient ObjectNode extensions;
    private long retryAfterSeconds;

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<Violation> errors) {
        this(status, type, title, detail, errors, null);
    }

    /** @param extensions extra members of the problem body (RFC 9457 §3.2), or null */
    public ApiProblem(HttpStatus status, String type, String title, String detail, List<Violation> errors,
                      ObjectNode extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = extensions;
    }

    public static ApiProblem invalidBody(List<Violation> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Request body is invalid",
                errors.size() + " violation(s) of the request schema", errors);
    }

    public static ApiProblem malformed(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-json", "Request body is not valid JSON", detail,
                List.of(new Violation("", detail, null)));
    }

    public static ApiProblem invalidParameter(String pointer, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Request parameter is invalid", detail,
                List.of(new Violation(pointer, detail, null)));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
    }

    /** 429 with {@code Retry-After}. */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                detail, List.of());
        problem.retryAfterSeconds = retryAfterSeconds;
        return problem;
    }

    /** This problem, answered with {@code Retry-After: seconds}. */
    public ApiProblem retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public static ApiProblem tooLarge(long limit) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body is too large",
                "the body exceeds " + limit + " bytes", List.of());
    }

    /** Seconds a client should wait before trying again; 0 when the answer names none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> errors() {
        return errors;
    }

    public ObjectNode extensions() {
        return extensions;
    }
}
