package io.heliox.atlas.api.portfolio;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Save a strategy into the portfolio under a client-chosen or generated id. Saving the same content
 * under the same id again is a no-op; different content under an existing id is a conflict.
 */
@RequiresRole(WorkspaceRole.TRADER)
public record SavePortfolioItemCommand(@TargetAggregateIdentifier UUID itemId, String name, JsonNode strategy,
                                       UUID runId, Instant at, JsonNode packageRef) {
}
