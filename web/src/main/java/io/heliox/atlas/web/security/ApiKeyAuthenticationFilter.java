package io.heliox.atlas.web.security;

import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.web.caller.AtlasAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <API key>}: a valid key authenticates this request alone (nothing is
 * kept in a session). A request that sends a key which is not valid is refused as such, even if it
 * also carries a session cookie, so a client learns that its key is wrong.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String REJECTED = ApiKeyAuthenticationFilter.class.getName() + ".rejected";
    private static final String BEARER = "bearer ";

    private final IdentityService identity;

    ApiKeyAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null) {
            Optional<Principal> principal = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? identity.authenticateKey(header.substring(BEARER.length()).strip()) : Optional.empty();
            if (principal.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(AtlasAuthentication.of(principal.get()));
                SecurityContextHolder.setContext(context);
            } else {
                SecurityContextHolder.clearContext();
                request.setAttribute(REJECTED, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false; // an SSE stream's later dispatches are the same caller's
    }
}
