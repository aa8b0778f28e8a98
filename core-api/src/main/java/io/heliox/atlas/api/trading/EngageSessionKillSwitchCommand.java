package io.heliox.atlas.api.trading;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Halts the session at once: no new orders, open orders cancelled. No reason is required in an emergency. */
@RequiresRole(WorkspaceRole.TRADER)
public record EngageSessionKillSwitchCommand(@TargetAggregateIdentifier UUID sessionId, String principal,
                                             String reason, Instant at) {
}
