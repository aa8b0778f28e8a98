package io.heliox.atlas.api.run;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.api.RunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Cancel a run: if it has not ended, its current phase fails with {@code run.cancelled} (an
 * ordinary {@link PhaseFailedEvent}, so readers need nothing new) and its deadlines are dropped.
 * Cancelling a run that has already ended is a no-op, so the command may be sent any number of
 * times, from any node.
 *
 * @param reason why, in the trader's words (or null); it becomes part of the error message
 */
@RequiresRole(WorkspaceRole.TRADER)
public record CancelRunCommand(@TargetAggregateIdentifier RunId runId, String reason, Instant at) {
}
