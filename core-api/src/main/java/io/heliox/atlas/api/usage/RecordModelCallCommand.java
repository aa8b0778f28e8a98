package io.heliox.atlas.api.usage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * After a model call: the tokens it used, by provider and model, replace its reservation. A fact,
 * never refused; the same call id is recorded once.
 *
 * @param reference what the call was for: the run id, or {@code orch} for /api/v1/orch
 */
public record RecordModelCallCommand(@TargetAggregateIdentifier String usageId, UUID workspaceId, String callId,
                                     String reference, String provider, String model, long tokens, LocalDate day,
                                     Instant at) implements UsageCommand {
}
