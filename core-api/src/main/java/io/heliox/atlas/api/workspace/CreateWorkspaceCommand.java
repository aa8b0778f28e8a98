package io.heliox.atlas.api.workspace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Create a workspace with its first member, {@code creator}, as its admin. Any signed-in person may
 * create one (a team starts this way); creating one that exists is refused.
 */
public record CreateWorkspaceCommand(@TargetAggregateIdentifier UUID workspaceId, String name, UUID creator,
                                     Instant at) implements WorkspaceCommand {
}
