package io.heliox.atlas.web.security;

import io.heliox.atlas.command.application.identity.ApiKeyToken;
import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.web.caller.AtlasAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>}: an API key ({@code atlas_…}) or, when an identity provider
 * is configured, its JWT ({@link OidcTokens}). A valid token authenticates this request alone
 * (nothing is kept in a session). A request that sends a token which is not valid is refused as
 * such, even if it also carries a session cookie, so a client learns that its token is wrong.
 */
final class BearerAuthenticationFilter extends OncePerRequestFilter {

    /** The request attribute naming what was refused: {@link #REJECTED_KEY} or {@link #REJECTED_TOKEN}. */
    static final String REJECTED = BearerAuthenticationFilter.class.getName() + ".rejected";
    static final String REJECTED_KEY = "apiKey";
    static final String REJECTED_TOKEN = "identityProviderToken";
    private static final String BEARER = "bearer ";

    private final IdentityService identity;
    private final Optional<OidcTokens> oidc;

    BearerAuthenticationFilter(IdentityService identity, Optional<OidcTokens> oidc) {
        this.identity = identity;
        this.oidc = oidc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null) {
            String token = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? header.substring(BEARER.length()).strip() : "";
            boolean identityProvider = oidc.isPresent() && !token.isEmpty() && !token.startsWith(ApiKeyToken.PREFIX);
            Optional<Authentication> caller = token.isEmpty() ? Optional.empty()
                    : identityProvider ? oidc.get().authenticate(token)
                            .map(v -> AtlasAuthentication.ofIdentityProvider(v.principal(), v.expiresAt()))
                    : identity.authenticateKey(token).map(AtlasAuthentication::of);
            if (caller.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(caller.get());
                SecurityContextHolder.setContext(context);
            } else {
                SecurityContextHolder.clearContext();
                request.setAttribute(REJECTED, identityProvider ? REJECTED_TOKEN : REJECTED_KEY);
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false; // an SSE stream's later dispatches are the same caller's
    }
}
