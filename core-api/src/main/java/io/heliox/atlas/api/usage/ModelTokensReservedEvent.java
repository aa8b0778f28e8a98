package io.heliox.atlas.api.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ModelTokensReservedEvent(UUID workspaceId, String callId, long tokens, LocalDate day, Instant at) {
}
