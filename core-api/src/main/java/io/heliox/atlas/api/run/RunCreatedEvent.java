package io.heliox.atlas.api.run;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;

import java.time.Instant;

/** A run was created (its seq 0). Phase events follow from seq 1. */
public record RunCreatedEvent(RunId runId, String prompt, long seed, RunOptions options, Instant ts) {
}
