package io.heliox.atlas.web.security;

import io.heliox.atlas.web.http.ProblemResponses;
import io.heliox.atlas.web.infra.BindAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers only to the host names it is meant to have. On the loopback default this defeats DNS
 * rebinding: a web page whose own name is made to resolve to 127.0.0.1 still sends its own name in
 * {@code Host}, and is refused (400) before anything else looks at the request.
 */
final class HostAllowlistFilter extends OncePerRequestFilter {

    static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** Null: any name. */
    private final Set<String> allowed;

    private HostAllowlistFilter(Set<String> allowed) {
        this.allowed = allowed;
    }

    /**
     * @param configured  the names set by ATLAS_ALLOWED_HOSTS (empty: none set)
     * @param bindAddress the address the server listens on (blank: every interface)
     */
    static HostAllowlistFilter of(List<String> configured, String bindAddress) {
        Set<String> names = configured.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!names.isEmpty()) {
            return new HostAllowlistFilter(names);
        }
        return new HostAllowlistFilter(BindAddress.isLoopback(bindAddress) ? LOOPBACK_NAMES : null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (allowed != null && !allowed.contains(host)) {
            ProblemWriter.write(response, ProblemResponses.body(HttpStatus.BAD_REQUEST, "host-not-allowed",
                    "Host not allowed", "this server does not answer to the name '" + host + "' (set ATLAS_ALLOWED_HOSTS "
                            + "to the names it serves)", List.of(), request));
            return;
        }
        chain.doFilter(request, response);
    }
}
