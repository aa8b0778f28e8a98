package io.heliox.atlas.api.trading;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A paper session began, with the settings every later event of it follows from. */
public record PaperSessionStartedEvent(UUID sessionId, JsonNode settings, String principal, Instant at) {
}
