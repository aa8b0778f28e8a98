package io.heliox.atlas.query.audit;

import java.time.Instant;

/**
 * Filters of an audit query; null means "any". {@code type} is the event's simple name
 * (e.g. {@code RunCreatedEvent}); {@code after} is the last global index already seen.
 */
public record AuditFilter(String aggregateId, String type, String principal, Instant from, Instant to, Long after,
                          int limit) {
}
