package io.heliox.atlas.command.application.workspace;

import io.heliox.atlas.api.workspace.WorkspaceRole;

import java.time.Instant;
import java.util.UUID;

/**
 * A workspace as a person sees it in a list.
 *
 * @param role the caller's role there; null when the caller is a system administrator who is not a member
 */
public record WorkspaceSummary(UUID id, String name, Instant createdAt, WorkspaceRole role) {
}
