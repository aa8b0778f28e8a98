package io.heliox.atlas.api.identity;

import java.time.Instant;
import java.util.UUID;

/** A user was created. */
public record UserCreatedEvent(UUID userId, String username, boolean systemAdmin, Instant ts) {
}
