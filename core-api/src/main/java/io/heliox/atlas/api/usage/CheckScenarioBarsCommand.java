package io.heliox.atlas.api.usage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Asks whether one scenario of {@code bars} bars is within {@code scenarioBarsPerRequest}; records nothing. */
public record CheckScenarioBarsCommand(@TargetAggregateIdentifier String usageId, UUID workspaceId, long bars,
                                       Quotas defaults) implements UsageCommand {
}
