package io.heliox.atlas.api.usage;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceCommand;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Replace the workspace's quotas (absent ones: the installation's defaults). A person's act, for admins. */
@RequiresRole(WorkspaceRole.ADMIN)
public record SetQuotasCommand(@TargetAggregateIdentifier String usageId, UUID workspaceId, Quotas quotas, Instant at)
        implements WorkspaceCommand {
}
