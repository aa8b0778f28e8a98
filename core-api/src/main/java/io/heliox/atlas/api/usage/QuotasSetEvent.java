package io.heliox.atlas.api.usage;

import java.time.Instant;
import java.util.UUID;

public record QuotasSetEvent(UUID workspaceId, Quotas quotas, Instant at) {
}
