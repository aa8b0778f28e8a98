package io.heliox.atlas.api.portfolio;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A strategy was saved into the portfolio.
 *
 * @param packageRef the run's signed package of the strategy ({@code packageId, url, sha256,
 *                   contentHash}); null when saved without a run or before packages existed
 */
public record PortfolioItemSavedEvent(UUID itemId, String name, JsonNode strategy, UUID runId, Instant ts,
                                      JsonNode packageRef) {
}
