package io.heliox.atlas.api.usage;

import io.heliox.atlas.api.RunId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A run counted against its day (meter {@code runs}) and holding a slot until {@link RunReleasedEvent}. */
public record RunAdmittedEvent(UUID workspaceId, RunId runId, LocalDate day, Instant at) {
}
