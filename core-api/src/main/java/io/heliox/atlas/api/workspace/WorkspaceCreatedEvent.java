package io.heliox.atlas.api.workspace;

import java.time.Instant;
import java.util.UUID;

/** A workspace came to be; its creator's membership follows as a {@link MemberRoleSetEvent}. */
public record WorkspaceCreatedEvent(UUID workspaceId, String name, UUID creator, Instant ts) {
}
