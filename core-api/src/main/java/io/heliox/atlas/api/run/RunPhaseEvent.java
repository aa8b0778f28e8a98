package io.heliox.atlas.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.PhaseStep;
import io.heliox.atlas.api.RunId;

import java.time.Instant;

/** What every phase event of a run carries: the fields of an OrchestratorEvent except its seq. */
public sealed interface RunPhaseEvent permits PhaseStatusReportedEvent, PhaseArtifactProducedEvent, PhaseFailedEvent {
    RunId runId();

    Phase phase();

    PhaseEventType type();

    JsonNode payload();

    Instant ts();

    /** True when no event may follow this one: the pack artifact or any error. */
    default boolean terminal() {
        return PhaseStep.isTerminal(phase(), type());
    }
}
