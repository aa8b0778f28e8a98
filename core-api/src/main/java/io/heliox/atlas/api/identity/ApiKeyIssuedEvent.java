package io.heliox.atlas.api.identity;

import java.time.Instant;
import java.util.UUID;

/** An API key was issued (no secret in here). {@code rotatedFrom}: the key it replaces, or null. */
public record ApiKeyIssuedEvent(UUID userId, String keyId, String name, Instant expiresAt, String rotatedFrom, Instant ts) {
}
