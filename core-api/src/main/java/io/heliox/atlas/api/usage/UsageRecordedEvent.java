package io.heliox.atlas.api.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the usage ledger: a quantity of a meter on a UTC day. Model tokens name their
 * provider and model ("" for other meters).
 *
 * @param reference what it was for (a run id, {@code orch}, a scenario or package hash)
 * @param key       the idempotency key: a call id, an object key
 */
public record UsageRecordedEvent(UUID workspaceId, LocalDate day, Meter meter, long quantity, String provider,
                                 String model, String reference, String key, Instant at) {
}
