package io.heliox.atlas.api.usage;

import io.heliox.atlas.api.RunId;

import java.time.Instant;
import java.util.UUID;

public record RunReleasedEvent(UUID workspaceId, RunId runId, Instant at) {
}
