package io.heliox.atlas.api.trading;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The session's risk limits were replaced by {@code risk} (the settings' {@code risk} document), by
 * whom and why (an input: replaying it changes the rebuilt session's limits at the same point).
 */
public record SessionRiskLimitsChangedEvent(UUID sessionId, JsonNode risk, String principal, String reason,
                                            Instant at) {
}
