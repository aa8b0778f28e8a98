package io.heliox.atlas.api.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Deploys a strategy onto a paper account: the strategy, the market it trades (a scenario replayed
 * bar by bar), the instrument's terms, the execution and fill model, the risk limits and the replay
 * speed, as one settings document (its fields: {@code PaperSessionSettings} on the command side).
 */
@RequiresRole(WorkspaceRole.TRADER)
public record StartPaperSessionCommand(@TargetAggregateIdentifier UUID sessionId, JsonNode settings, String principal,
                                       Instant at) {
}
