package io.heliox.atlas.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.RunId;

import java.time.Instant;

/** A phase reported progress ({@code payload.msg}). */
public record PhaseStatusReportedEvent(RunId runId, Phase phase, JsonNode payload, Instant ts) implements RunPhaseEvent {
    @Override
    public PhaseEventType type() {
        return PhaseEventType.STATUS;
    }
}
