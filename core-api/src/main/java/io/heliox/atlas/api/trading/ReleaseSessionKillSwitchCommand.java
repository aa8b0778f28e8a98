package io.heliox.atlas.api.trading;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Lets a halted session trade again: an explicit, audited decision, so a reason is required. */
@RequiresRole(WorkspaceRole.TRADER)
public record ReleaseSessionKillSwitchCommand(@TargetAggregateIdentifier UUID sessionId, String principal,
                                              String reason, Instant at) {
}
