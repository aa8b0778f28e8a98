package io.heliox.atlas.web.security;

import io.heliox.atlas.web.caller.AtlasAuthentication;
import io.heliox.atlas.web.http.ProblemResponses;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Every request of a known caller takes a token ({@link RateLimiter}); without one the answer is
 * {@code 429} problem+json with {@code Retry-After}. Every answer to a known caller says where it
 * stands: {@code RateLimit-Limit} (requests per minute), {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full again). Anonymous requests reach only
 * the open paths, and the login has its own throttle.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = AtlasAuthentication.principal(SecurityContextHolder.getContext().getAuthentication());
        if (caller.isEmpty() || request.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Verdict verdict = limiter.take(caller.get());
        response.setHeader("RateLimit-Limit", Long.toString(verdict.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(verdict.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(verdict.resetSeconds()));
        if (!verdict.allowed()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, verdict.retryAfterSeconds())));
            ProblemWriter.write(response, ProblemResponses.body(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests", "at most " + verdict.limit() + " requests a minute; try again in "
                            + Math.max(1, verdict.retryAfterSeconds()) + " s", List.of(), request));
            return;
        }
        chain.doFilter(request, response);
    }
}
