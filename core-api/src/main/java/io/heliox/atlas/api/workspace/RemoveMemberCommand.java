package io.heliox.atlas.api.workspace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Take a person out of a workspace. Removing a non-member is a no-op; the last admin cannot leave. */
@RequiresRole(WorkspaceRole.ADMIN)
public record RemoveMemberCommand(@TargetAggregateIdentifier UUID workspaceId, UUID userId, Instant at)
        implements WorkspaceCommand {
}
