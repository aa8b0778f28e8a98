package io.heliox.atlas.api.strategy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** Version {@code version} (1-based) of a strategy was registered, with its signed package when it has one (else null). */
public record StrategyVersionRegisteredEvent(String strategyId, int version, String name, JsonNode dsl,
                                             String contentHash, Instant ts, JsonNode packageRef) {
}
