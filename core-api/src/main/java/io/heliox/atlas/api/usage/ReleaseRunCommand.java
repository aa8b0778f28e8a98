package io.heliox.atlas.api.usage;

import io.heliox.atlas.api.RunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** A run ended: its slot is free. Releasing a run that holds none (ended twice, or admitted before quotas) is a no-op. */
public record ReleaseRunCommand(@TargetAggregateIdentifier String usageId, UUID workspaceId, RunId runId, Instant at)
        implements UsageCommand {
}
