package io.heliox.atlas.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.RunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record what a phase reported: a status, its artifact, or an error that ends the run.
 * Redelivering a step the run already has is a no-op, so workers may retry freely.
 */
public record RecordPhaseEventCommand(@TargetAggregateIdentifier RunId runId, Phase phase, PhaseEventType type,
                                      JsonNode payload, Instant at) {
}
