package io.heliox.atlas.api.strategy;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Register a version of a strategy (keyed by the DSL's own {@code id}). Registering content whose
 * hash equals an existing version's is a no-op, so the same strategy saved twice keeps one version.
 */
@RequiresRole(WorkspaceRole.TRADER)
public record RegisterStrategyVersionCommand(@TargetAggregateIdentifier String strategyId, String name,
                                             JsonNode dsl, String contentHash, Instant at,
                                             JsonNode packageRef) {
}
