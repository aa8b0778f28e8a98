package io.heliox.atlas.api.usage;

import io.heliox.atlas.api.RunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Count a run against its workspace's day and take one of its slots for runs in flight; refused with
 * {@link QuotaExceededException} ({@code runsPerDay}, {@code concurrentRuns}). Admitting a run twice
 * admits it once.
 *
 * @param defaults the installation's quotas, for those the workspace has not set
 */
public record AdmitRunCommand(@TargetAggregateIdentifier String usageId, UUID workspaceId, RunId runId, LocalDate day,
                              Quotas defaults, Instant at) implements UsageCommand {
}
