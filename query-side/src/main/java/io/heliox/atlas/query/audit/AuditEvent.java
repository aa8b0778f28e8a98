package io.heliox.atlas.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event with who caused it and in which trace (contract schema AuditEvent).
 *
 * @param traceId       the server's trace id of the request that caused it
 * @param clientTraceId the trace id that request's client sent, or null
 */
public record AuditEvent(long globalIndex, String aggregateId, String aggregateType, long seq, String type,
                         Instant timestamp, String principal, String traceId, String clientTraceId, String correlationId,
                         JsonNode payload) {
}
