package io.heliox.atlas.api.strategy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** Version {@code version} (1-based) of a strategy was registered. */
public record StrategyVersionRegisteredEvent(String strategyId, int version, String name, JsonNode dsl,
                                             String contentHash, Instant ts) {
}
