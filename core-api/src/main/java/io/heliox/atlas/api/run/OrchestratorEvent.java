package io.heliox.atlas.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.PhaseStep;
import io.heliox.atlas.api.RunId;

import java.time.Instant;

/**
 * The wire form of a run's phase event (contract schema {@code orchestrator-event}): what SSE sends
 * as {@code data:} and what every phase payload is validated within. Field order is fixed so the
 * same stored event always serializes to the same bytes.
 */
public record OrchestratorEvent(RunId runId, long seq, Phase phase, PhaseEventType type, Instant ts, JsonNode payload,
                                BudgetSnapshot budget) {

    /** Without a budget snapshot (a payload being checked before it is recorded). */
    public OrchestratorEvent(RunId runId, long seq, Phase phase, PhaseEventType type, Instant ts, JsonNode payload) {
        this(runId, seq, phase, type, ts, payload, null);
    }

    public static OrchestratorEvent of(RunPhaseEvent event, long seq, BudgetSnapshot budget) {
        return new OrchestratorEvent(event.runId(), seq, event.phase(), event.type(), event.ts(), event.payload(), budget);
    }

    /** True when the run ends with this event. */
    public boolean terminal() {
        return PhaseStep.isTerminal(phase, type);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("runId", runId.toString());
        node.put("seq", seq);
        node.put("phase", phase.wireName());
        node.put("type", type.wireName());
        node.put("ts", ts.toString());
        node.set("payload", payload);
        if (budget != null) {
            node.set("budget", budget.toJson());
        }
        return node;
    }
}
