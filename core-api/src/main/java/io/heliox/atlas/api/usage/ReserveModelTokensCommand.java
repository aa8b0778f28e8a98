package io.heliox.atlas.api.usage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Before a model call: hold the most it may use (prompt and the answer's max_tokens) against the
 * day's tokens, so calls in flight on several nodes cannot together go over. Refused with
 * {@link QuotaExceededException} ({@code modelTokensPerDay}). The same call id reserves once.
 */
public record ReserveModelTokensCommand(@TargetAggregateIdentifier String usageId, UUID workspaceId, String callId,
                                        long tokens, LocalDate day, Quotas defaults, Instant at) implements UsageCommand {
}
