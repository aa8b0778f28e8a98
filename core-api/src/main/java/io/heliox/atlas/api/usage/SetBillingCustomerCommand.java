package io.heliox.atlas.api.usage;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceCommand;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Bill the workspace's usage to this customer of the billing provider (null: bill it to nobody).
 * Over HTTP only system administrators send it.
 */
@RequiresRole(WorkspaceRole.ADMIN)
public record SetBillingCustomerCommand(@TargetAggregateIdentifier String usageId, UUID workspaceId, String customerId,
                                        Instant at) implements WorkspaceCommand {
}
