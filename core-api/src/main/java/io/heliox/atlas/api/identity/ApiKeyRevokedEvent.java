package io.heliox.atlas.api.identity;

import java.time.Instant;
import java.util.UUID;

/** An API key was revoked. */
public record ApiKeyRevokedEvent(UUID userId, String keyId, Instant ts) {
}
