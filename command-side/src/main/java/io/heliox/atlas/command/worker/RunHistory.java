package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.run.BudgetSnapshot;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.RunPhaseEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a phase node may know of its run: the prompt, seed, options and the artifacts of the phases
 * before it, read back from the run's own event stream (so a node on any machine, after any crash,
 * sees the same inputs), and what the run has spent: its creation time and the tokens recorded in
 * its events' {@code llm} traces, for the budget guard.
 */
public record RunHistory(RunId runId, String prompt, long seed, RunOptions options, Map<Phase, JsonNode> artifacts,
                         Instant createdAt, long tokensUsed) {

    /** A run just created: no artifact, no token spent. */
    public RunHistory(RunId runId, String prompt, long seed, RunOptions options, Map<Phase, JsonNode> artifacts) {
        this(runId, prompt, seed, options, artifacts, Instant.EPOCH, 0);
    }

    public static RunHistory read(EventStore eventStore, RunId runId) {
        DomainEventStream stream = eventStore.readEvents(runId.toString(), 0);
        RunCreatedEvent created = null;
        Map<Phase, JsonNode> artifacts = new EnumMap<>(Phase.class);
        long tokens = 0;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (payload instanceof RunCreatedEvent c) {
                created = c;
            } else if (payload instanceof RunPhaseEvent event) {
                tokens += BudgetSnapshot.tokensIn(event.payload());
                if (event instanceof PhaseArtifactProducedEvent a) {
                    artifacts.put(a.phase(), a.payload());
                }
            }
        }
        if (created == null) {
            throw new IllegalStateException("run " + runId + " has no creation event");
        }
        return new RunHistory(runId, created.prompt(), created.seed(), created.options(), artifacts, created.ts(), tokens);
    }

    public JsonNode artifact(Phase phase) {
        JsonNode artifact = artifacts.get(phase);
        if (artifact == null) {
            throw new IllegalStateException("run " + runId + " has no " + phase.wireName() + " artifact yet");
        }
        return artifact;
    }
}
