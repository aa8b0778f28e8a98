package io.heliox.atlas.api.workspace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Add a person to a workspace or change their role there. Setting the role a member has is a no-op. */
@RequiresRole(WorkspaceRole.ADMIN)
public record SetMemberRoleCommand(@TargetAggregateIdentifier UUID workspaceId, UUID userId, WorkspaceRole role,
                                   Instant at) implements WorkspaceCommand {
}
