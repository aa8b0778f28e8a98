package io.heliox.atlas.api.run;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Start a new run for a trader's prompt. Sending it twice with the same id is a no-op. */
@RequiresRole(WorkspaceRole.TRADER)
public record StartRunCommand(@TargetAggregateIdentifier RunId runId, String prompt, long seed,
                              RunOptions options, Instant at) {
}
