package io.heliox.atlas.api.usage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Bars the engine simulated for the workspace (metered, not limited). The same key is recorded once a day. */
public record RecordBacktestBarsCommand(@TargetAggregateIdentifier String usageId, UUID workspaceId, String key,
                                        String reference, long bars, LocalDate day, Instant at) implements UsageCommand {
}
