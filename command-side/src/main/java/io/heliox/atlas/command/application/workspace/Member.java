package io.heliox.atlas.command.application.workspace;

import io.heliox.atlas.api.workspace.WorkspaceRole;

import java.time.Instant;
import java.util.UUID;

/** A member of a workspace: who, with which role, since when. */
public record Member(UUID userId, String username, WorkspaceRole role, Instant since) {
}
