package io.heliox.atlas.api.identity;

import java.time.Instant;
import java.util.UUID;

/** A user's own rate limit was set; null: back to the installation's default. */
public record RateLimitSetEvent(UUID userId, Integer perMinute, Instant ts) {
}
