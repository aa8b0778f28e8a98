package io.heliox.atlas.api.strategy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A version registered without a package got one: the same content was saved again from a run
 * that packaged it ({@code packageRef}: packageId, url, sha256, contentHash).
 */
public record StrategyVersionPackagedEvent(String strategyId, int version, JsonNode packageRef, Instant ts) {
}
