package io.heliox.atlas.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Sends the {@code XSRF-TOKEN} cookie with every answer to a signed-in browser. Spring Security
 * loads the token lazily, so a single-page app that has not yet made a write would otherwise have
 * no token to echo in {@code X-XSRF-TOKEN}.
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") == null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken(); // loads it, which writes the cookie
        }
        chain.doFilter(request, response);
    }
}
