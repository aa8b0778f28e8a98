package io.heliox.atlas.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.RunStatus;
import io.heliox.atlas.api.artifact.Blueprint;
import io.heliox.atlas.api.artifact.Candidate;
import io.heliox.atlas.api.artifact.PackArtifact;
import io.heliox.atlas.api.artifact.T0Artifact;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A run as its events leave it: the one fold of a run's stream. The aggregate decides on it, the
 * worker hands it to the phase nodes, the SSE reader takes each event's budget from it and the API's
 * summary is read off it, so "which phase comes next" and "how many tokens were spent" are answered
 * in one place.
 *
 * <p>The rules: a run starts PENDING in architect; any phase event makes it RUNNING; a status is
 * kept as a checkpoint of the current phase; an artifact closes its phase (the statuses are
 * forgotten, the artifact kept) and moves the run to the next phase, except pack's, which completes
 * it; an error fails it in the phase it names. Tokens are the sum of the {@code llm.usage.total} of
 * every payload; the templates are those the payloads' llm calls name ({@code id@version#checksum}).
 *
 * @param phase      the phase running now; after the end, the phase the run ended in
 * @param statuses   the status payloads of the current phase, in order
 * @param artifacts  the artifact of each finished phase
 * @param lastSeq    the seq of the last event (0: only created)
 * @param lastEventAt when the last event happened (the creation before any phase event)
 * @param error      why the run failed, or null
 */
public record RunState(RunId runId, String prompt, long seed, RunOptions options, Instant createdAt,
                       RunStatus status, Phase phase, long lastSeq, Instant lastEventAt, List<JsonNode> statuses,
                       Map<Phase, JsonNode> artifacts, long tokensUsed, SortedSet<String> templates, PhaseError error) {

    public RunState {
        statuses = List.copyOf(statuses);
        Map<Phase, JsonNode> copy = new EnumMap<>(Phase.class);
        copy.putAll(artifacts);
        artifacts = Collections.unmodifiableMap(copy);
        templates = Collections.unmodifiableSortedSet(new TreeSet<>(templates));
    }

    /** A run just created: nothing recorded, nothing spent. */
    public static RunState created(RunCreatedEvent event) {
        return new RunState(event.runId(), event.prompt(), event.seed(), event.options(), event.ts(), RunStatus.PENDING,
                Phase.ARCHITECT, 0, event.ts(), List.of(), Map.of(), 0, new TreeSet<>(), null);
    }

    /**
     * A run created with the given artifacts of earlier phases and nothing else: the input a single
     * phase node sees in a test.
     */
    public static RunState withArtifacts(RunId runId, String prompt, long seed, RunOptions options,
                                         Map<Phase, JsonNode> artifacts) {
        return new RunState(runId, prompt, seed, options, Instant.EPOCH, RunStatus.PENDING, Phase.ARCHITECT, 0,
                Instant.EPOCH, List.of(), artifacts, 0, new TreeSet<>(), null);
    }

    /** The run after one more of its phase events, recorded at {@code seq}. */
    public RunState then(RunPhaseEvent event, long seq) {
        List<JsonNode> nextStatuses = statuses;
        Map<Phase, JsonNode> nextArtifacts = artifacts;
        switch (event.type()) {
            case STATUS -> {
                nextStatuses = new ArrayList<>(statuses);
                nextStatuses.add(event.payload());
            }
            case ARTIFACT -> {
                nextStatuses = List.of();
                nextArtifacts = new EnumMap<>(Phase.class);
                nextArtifacts.putAll(artifacts);
                nextArtifacts.put(event.phase(), event.payload());
            }
            case ERROR -> { }
        }
        SortedSet<String> nextTemplates = templates;
        JsonNode calls = event.payload().path("llm").path("calls");
        if (!calls.isEmpty()) {
            nextTemplates = new TreeSet<>(templates);
            for (JsonNode call : calls) {
                nextTemplates.add(call.path("template").asText());
            }
        }
        return new RunState(runId, prompt, seed, options, createdAt, statusAfter(event), phaseAfter(event), seq,
                event.ts(), nextStatuses, nextArtifacts, tokensUsed + BudgetSnapshot.tokensIn(event.payload()),
                nextTemplates, event.type() == PhaseEventType.ERROR ? PhaseError.of(event.payload()) : error);
    }

    /**
     * The run after a message of its stream: the creation starts the fold, a phase event continues
     * it, anything else leaves it as it is. {@code state} is null before the creation.
     */
    public static RunState after(RunState state, DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof RunCreatedEvent created) {
            return created(created);
        }
        if (payload instanceof RunPhaseEvent event && state != null) {
            return state.then(event, message.getSequenceNumber());
        }
        return state;
    }

    /** The fold of a whole stream, or empty when it holds no run's creation. */
    public static Optional<RunState> of(Iterator<? extends DomainEventMessage<?>> stream) {
        RunState state = null;
        while (stream.hasNext()) {
            state = after(state, stream.next());
        }
        return Optional.ofNullable(state);
    }

    /** What a phase event makes of a run's status. */
    public static RunStatus statusAfter(RunPhaseEvent event) {
        if (event.type() == PhaseEventType.ERROR) {
            return RunStatus.FAILED;
        }
        return event.terminal() ? RunStatus.COMPLETED : RunStatus.RUNNING;
    }

    /** The phase a run is in after a phase event: the next one after a non-final artifact, else the event's own. */
    public static Phase phaseAfter(RunPhaseEvent event) {
        return event.type() == PhaseEventType.ARTIFACT && !event.terminal() ? event.phase().next() : event.phase();
    }

    /** The phase the API shows as current: null once completed, the failing phase once failed. */
    public static Phase currentPhaseAfter(RunPhaseEvent event) {
        return statusAfter(event) == RunStatus.COMPLETED ? null : phaseAfter(event);
    }

    public boolean ended() {
        return status.isTerminal();
    }

    /** The phase running now, or the phase a failed run failed in; null once completed. */
    public Phase currentPhase() {
        return status == RunStatus.COMPLETED ? null : phase;
    }

    /** When the run ended, or null while it goes on. */
    public Instant finishedAt() {
        return ended() ? lastEventAt : null;
    }

    /** The run's budgets as they stood at its last event. */
    public BudgetSnapshot budget() {
        return new BudgetSnapshot(tokensUsed, options.tokensLimit(),
                Math.max(0, lastEventAt.toEpochMilli() - createdAt.toEpochMilli()), options.timeMsLimit());
    }

    public JsonNode artifact(Phase phase) {
        JsonNode artifact = artifacts.get(phase);
        if (artifact == null) {
            throw new IllegalStateException("run " + runId + " has no " + phase.wireName() + " artifact yet");
        }
        return artifact;
    }

    /** The architect's blueprint, as the product reads it (the recorded document is {@link #blueprintDocument()}). */
    public Blueprint blueprint() {
        return Blueprint.of(blueprintDocument());
    }

    /** The blueprint as the architect recorded it: the model's document, in the model's member order. */
    public JsonNode blueprintDocument() {
        return artifact(Phase.ARCHITECT).path("blueprint");
    }

    /** The synth phase's candidates, in their order. */
    public List<Candidate> candidates() {
        return Candidate.listOf(artifact(Phase.SYNTH).path("candidates"));
    }

    /** The t0 results and ranking, once the t0 phase has finished. */
    public Optional<T0Artifact> t0() {
        return Optional.ofNullable(artifacts.get(Phase.T0)).map(T0Artifact::of);
    }

    /** The pack phase's package, once the run has completed. */
    public Optional<PackArtifact> pack() {
        return Optional.ofNullable(artifacts.get(Phase.PACK)).map(PackArtifact::of);
    }

    /** True when the current phase already has a status with this payload's checkpoint key. */
    public boolean hasStatus(JsonNode statusPayload) {
        String key = Checkpoint.keyOf(statusPayload);
        return statuses.stream().anyMatch(s -> Checkpoint.keyOf(s).equals(key));
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
