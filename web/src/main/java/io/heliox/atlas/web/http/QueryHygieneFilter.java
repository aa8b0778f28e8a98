package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.contracts.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Refuses query parameters that contain U+0000 (sent as {@code %00}) before any handler sees
 * them: PostgreSQL cannot take NUL in a text parameter, so a filter value with one would turn a
 * client mistake into a server error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class QueryHygieneFilter extends OncePerRequestFilter {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean nul = parameter.getKey().indexOf('\u0000') >= 0;
            for (String value : parameter.getValue()) {
                nul |= value.indexOf('\u0000') >= 0;
            }
            if (nul) {
                String pointer = "/query/" + parameter.getKey().replace("\u0000", "");
                var problem = ProblemResponses.body(HttpStatus.BAD_REQUEST, "invalid-parameter",
                        "Request parameter is invalid", "query parameters must not contain the NUL character (U+0000)",
                        List.of(new Violation(pointer, "must not contain the NUL character (U+0000)", "nul")), request);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(ProblemResponses.PROBLEM_JSON.toString());
                json.writeValue(response.getOutputStream(), problem.getBody());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
