package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.PhaseStep;

import java.time.Instant;

/**
 * Performs one step of a run and returns the payload of its event (a status {@code {msg}} or the
 * phase's artifact). Implementations must be deterministic in (history, step) apart from {@code now}.
 */
public interface PhaseNode {
    JsonNode perform(PhaseStep step, RunHistory history, Instant now);
}
