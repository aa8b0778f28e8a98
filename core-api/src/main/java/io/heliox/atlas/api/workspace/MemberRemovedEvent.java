package io.heliox.atlas.api.workspace;

import java.time.Instant;
import java.util.UUID;

/** A person left a workspace (or was taken out of it). */
public record MemberRemovedEvent(UUID workspaceId, UUID userId, Instant ts) {
}
