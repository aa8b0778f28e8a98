package io.heliox.atlas.web.security;

import io.heliox.atlas.web.caller.AtlasAuthentication;
import io.heliox.atlas.web.infra.MessageContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Puts the authenticated caller's name where the trace filter put the anonymous one: in every log
 * line of the request and, through {@link MessageContext}, in the metadata of every command it sends.
 */
final class PrincipalLogFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AtlasAuthentication.principal(SecurityContextHolder.getContext().getAuthentication())
                .ifPresent(p -> MDC.put(MessageContext.PRINCIPAL, p.username()));
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
