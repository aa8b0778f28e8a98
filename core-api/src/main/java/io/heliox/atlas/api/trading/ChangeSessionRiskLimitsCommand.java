package io.heliox.atlas.api.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Replaces a running session's risk limits (the {@code risk} document of its settings, whole: an
 * absent limit is off). Audited, so a reason is required; the session trades under the new limits
 * from this moment, and a limit already exceeded takes effect at once.
 */
@RequiresRole(WorkspaceRole.TRADER)
public record ChangeSessionRiskLimitsCommand(@TargetAggregateIdentifier UUID sessionId, JsonNode risk, String principal,
                                             String reason, Instant at) {
}
