package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.run.RunState;

import java.time.Instant;

/**
 * Performs the next sub-step of a run's current phase ({@link RunState#phase()}) and returns the
 * event to record: a status (a checkpoint of a sub-step) or the phase's artifact. Implementations
 * must be deterministic in the history apart from {@code now}, and may throw
 * {@link io.heliox.atlas.command.orch.NodeFailed} to end the run with a classified error.
 */
public interface PhaseNode {

    Step next(RunState history, Instant now);

    /** The event a sub-step produced. */
    record Step(PhaseEventType type, JsonNode payload) {
    }
}
