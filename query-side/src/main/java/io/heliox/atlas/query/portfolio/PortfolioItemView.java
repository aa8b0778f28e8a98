package io.heliox.atlas.query.portfolio;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A portfolio item as the API shows it (contract schema PortfolioItem). */
/** @param packageRef the signed package it was saved with, or null */
public record PortfolioItemView(UUID id, String name, JsonNode strategy, UUID runId, Instant createdAt,
                                JsonNode packageRef) {
}
