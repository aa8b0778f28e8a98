package io.heliox.atlas.api.usage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The workspace keeps an object (a scenario dataset, a package): its bytes, and its bars if it is a
 * dataset, count against {@code storageBytes} and {@code scenarioBarsStored}; refused with
 * {@link QuotaExceededException}. The same key counts once.
 */
public record StoreObjectCommand(@TargetAggregateIdentifier String usageId, UUID workspaceId, String key, long bytes,
                                 long scenarioBars, LocalDate day, Quotas defaults, Instant at) implements UsageCommand {
}
