package io.heliox.atlas.api.workspace;

import java.time.Instant;
import java.util.UUID;

/** A person joined a workspace with a role, or their role there changed. */
public record MemberRoleSetEvent(UUID workspaceId, UUID userId, WorkspaceRole role, Instant ts) {
}
