package io.heliox.atlas.api.trading;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Ends the session: it decides nothing more, its open orders are cancelled, its position stays. */
@RequiresRole(WorkspaceRole.TRADER)
public record StopPaperSessionCommand(@TargetAggregateIdentifier UUID sessionId, String principal, String reason,
                                      Instant at) {
}
