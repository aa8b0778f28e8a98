package io.heliox.atlas.api.portfolio;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A strategy was saved into the portfolio. */
public record PortfolioItemSavedEvent(UUID itemId, String name, JsonNode strategy, UUID runId, Instant ts) {
}
