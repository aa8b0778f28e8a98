package io.heliox.atlas.api.usage;

import java.time.Instant;
import java.util.UUID;

/** @param customerId the billing provider's customer, or null when the workspace is billed to nobody */
public record BillingCustomerSetEvent(UUID workspaceId, String customerId, Instant at) {
}
