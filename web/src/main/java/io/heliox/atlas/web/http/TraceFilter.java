package io.heliox.atlas.web.http;

import io.heliox.atlas.web.infra.MessageContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Gives every request a trace id of the server's own making: returned in {@code X-Trace-Id}, put in
 * every log line (MDC) and, with the principal, into the metadata of every command the request
 * sends and every event those cause. A client's own id (the W3C {@code traceparent}'s trace id,
 * else a sane {@code X-Request-Id}) is kept beside it as {@code clientTraceId}, so a caller can find
 * its requests but cannot make its actions pass for another's trace in the audit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceFilter extends OncePerRequestFilter {

    public static final String TRACE_HEADER = "X-Trace-Id";
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(TraceFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = newTraceId();
        MDC.put(MessageContext.TRACE_ID, traceId);
        String clientTraceId = clientTraceId(request);
        if (clientTraceId != null) {
            MDC.put(MessageContext.CLIENT_TRACE_ID, clientTraceId);
        }
        MDC.put(MessageContext.PRINCIPAL, MessageContext.ANONYMOUS_PRINCIPAL);
        response.setHeader(TRACE_HEADER, traceId);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (!request.isAsyncStarted()) {
                log.info("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            MDC.remove(MessageContext.TRACE_ID);
            MDC.remove(MessageContext.CLIENT_TRACE_ID);
            MDC.remove(MessageContext.PRINCIPAL);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** The client's own trace id, when it sent a well-formed one; null otherwise. */
    static String clientTraceId(HttpServletRequest request) {
        String traceparent = request.getHeader("traceparent");
        if (traceparent != null) {
            var m = TRACEPARENT.matcher(traceparent.trim().toLowerCase());
            if (m.matches() && !m.group(1).equals("0".repeat(32))) {
                return m.group(1);
            }
        }
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            return requestId;
        }
        return null;
    }

    static String newTraceId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
