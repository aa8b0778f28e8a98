package io.heliox.atlas.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.web.http.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.util.List;

/**
 * The security chain's refusals as problem+json, like every other error of the API: 401 when the
 * caller is not known (no credentials, a bad key, an expired session), 403 when a cookie-backed
 * write lacks its CSRF token or the caller may not do this.
 */
final class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Object rejected = request.getAttribute(BearerAuthenticationFilter.REJECTED);
        String detail = BearerAuthenticationFilter.REJECTED_TOKEN.equals(rejected)
                ? "the identity provider's token is not valid (forged, unsigned, expired, or for another issuer or audience)"
                : rejected != null ? "the API key is not valid (unknown, revoked, expired or mistyped)"
                : "sign in (POST /v1/auth/login) or send an API key as 'Authorization: Bearer <key>'";
        response.setHeader("WWW-Authenticate", "Bearer realm=\"atlas\"");
        write(response, ProblemResponses.body(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                detail, List.of(), request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "a write with the session cookie needs the X-XSRF-TOKEN header (the value of the XSRF-TOKEN cookie)"
                : "you may not do this";
        write(response, ProblemResponses.body(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of(), request));
    }

    static void write(HttpServletResponse response, ResponseEntity<ObjectNode> problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(problem.getHeaders().getContentType().toString());
        JSON.writeValue(response.getOutputStream(), problem.getBody());
    }
}
