package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.run.BudgetSnapshot;
import io.heliox.atlas.api.run.Checkpoint;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.run.PhaseStatusReportedEvent;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.RunPhaseEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a phase node may know of its run, read back from the run's own event stream (so a node on
 * any machine, after any crash, sees the same inputs): the prompt, seed and options, the artifacts
 * of the phases before, where the run is (its current phase, the status payloads recorded in it, its
 * last seq, whether it ended), and what it has spent (its creation time, the tokens recorded in its
 * events' {@code llm} traces) for the budget guard, and the prompt templates its calls used
 * ({@code id@version#checksum}, for the package manifest).
 */
public record RunHistory(RunId runId, String prompt, long seed, RunOptions options, Map<Phase, JsonNode> artifacts,
                         Instant createdAt, long tokensUsed, Phase phase, List<JsonNode> statuses, long lastSeq,
                         boolean ended, SortedSet<String> templates) {

    public RunHistory {
        statuses = List.copyOf(statuses);
        templates = Collections.unmodifiableSortedSet(new TreeSet<>(templates));
    }

    /** A run just created: nothing recorded, nothing spent (for tests of a single node). */
    public RunHistory(RunId runId, String prompt, long seed, RunOptions options, Map<Phase, JsonNode> artifacts) {
        this(runId, prompt, seed, options, artifacts, Instant.EPOCH, 0, Phase.ARCHITECT, List.of(), 0, false,
                new TreeSet<>());
    }

    public static RunHistory read(EventStore eventStore, RunId runId) {
        return find(eventStore, runId).orElseThrow(
                () -> new IllegalStateException("run " + runId + " has no creation event"));
    }

    /** The run's history, or empty when no run has this id (one read of its stream either way). */
    public static Optional<RunHistory> find(EventStore eventStore, RunId runId) {
        DomainEventStream stream = eventStore.readEvents(runId.toString(), 0);
        RunCreatedEvent created = null;
        Map<Phase, JsonNode> artifacts = new EnumMap<>(Phase.class);
        List<JsonNode> statuses = new ArrayList<>();
        Phase phase = Phase.ARCHITECT;
        boolean ended = false;
        long tokens = 0;
        long lastSeq = 0;
        SortedSet<String> templates = new TreeSet<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            lastSeq = message.getSequenceNumber();
            Object payload = message.getPayload();
            if (payload instanceof RunCreatedEvent c) {
                created = c;
            } else if (payload instanceof RunPhaseEvent event) {
                tokens += BudgetSnapshot.tokensIn(event.payload());
                event.payload().path("llm").path("calls").forEach(call -> templates.add(call.path("template").asText()));
                if (event instanceof PhaseStatusReportedEvent s) {
                    statuses.add(s.payload());
                } else if (event instanceof PhaseArtifactProducedEvent a) {
                    artifacts.put(a.phase(), a.payload());
                    statuses.clear();
                    ended = a.phase() == Phase.PACK;
                    phase = ended ? a.phase() : Phase.values()[a.phase().ordinal() + 1];
                } else if (event instanceof PhaseFailedEvent) {
                    ended = true;
                }
            }
        }
        if (created == null) {
            return Optional.empty();
        }
        return Optional.of(new RunHistory(runId, created.prompt(), created.seed(), created.options(), artifacts, created.ts(), tokens,
                phase, statuses, lastSeq, ended, templates));
    }

    public JsonNode artifact(Phase phase) {
        JsonNode artifact = artifacts.get(phase);
        if (artifact == null) {
            throw new IllegalStateException("run " + runId + " has no " + phase.wireName() + " artifact yet");
        }
        return artifact;
    }

    /** The checkpoints recorded in the current phase, in order. */
    public List<Checkpoint> checkpoints() {
        return statuses.stream().map(Checkpoint::of).filter(Objects::nonNull).toList();
    }

    /** The last checkpoint of the current phase, or null before its first. */
    public Checkpoint lastCheckpoint() {
        List<Checkpoint> all = checkpoints();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }
}
