package io.heliox.atlas.query.run;

import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunStatus;
import io.heliox.atlas.api.run.BudgetSnapshot;
import io.heliox.atlas.api.run.OrchestratorEvent;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.RunPhaseEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a run straight from the event store, the one source of truth: its phase events for SSE
 * replay and its summary for {@code GET /v1/runs/{id}} (so a run is visible the moment it was
 * created, without waiting for a projection).
 */
public class RunEventReader {

    private final EventStore eventStore;

    public RunEventReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The run's phase events with seq ≥ {@code fromSeq} (≥ 1), in seq order, each with the run's
     * budget snapshot at that event. The budget is a running sum, so the stream is read from the
     * run's creation even when only the tail is returned (a run has a handful of events).
     */
    public List<OrchestratorEvent> phaseEvents(RunId runId, long fromSeq) {
        // readEvents(id, 0) from the creation; the one-argument form may start at a snapshot.
        DomainEventStream stream = eventStore.readEvents(runId.toString(), 0);
        List<OrchestratorEvent> events = new ArrayList<>();
        RunCreatedEvent created = null;
        long tokens = 0;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof RunCreatedEvent c) {
                created = c;
            } else if (message.getPayload() instanceof RunPhaseEvent event) {
                tokens += BudgetSnapshot.tokensIn(event.payload());
                if (message.getSequenceNumber() >= fromSeq) {
                    BudgetSnapshot budget = created == null ? null : new BudgetSnapshot(tokens,
                            created.options().tokensLimit(), Math.max(0, event.ts().toEpochMilli() - created.ts().toEpochMilli()),
                            created.options().timeMsLimit());
                    events.add(OrchestratorEvent.of(event, message.getSequenceNumber(), budget));
                }
            }
        }
        return events;
    }

    /** The run's summary, or empty when no run has this id. */
    public Optional<RunSummary> summary(RunId runId) {
        DomainEventStream stream = eventStore.readEvents(runId.toString(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof RunCreatedEvent created)) {
            return Optional.empty(); // the id belongs to another kind of aggregate
        }
        long lastSeq = 0;
        RunPhaseEvent last = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof RunPhaseEvent event) {
                last = event;
                lastSeq = message.getSequenceNumber();
            }
        }
        RunStatus status;
        Phase currentPhase;
        RunSummary.RunError error = null;
        if (last == null) {
            status = RunStatus.PENDING;
            currentPhase = Phase.ARCHITECT;
        } else if (last instanceof PhaseFailedEvent failed) {
            status = RunStatus.FAILED;
            currentPhase = failed.phase();
            error = new RunSummary.RunError(failed.phase(), failed.payload().path("code").asText(),
                    failed.payload().path("message").asText());
        } else if (last.terminal()) {
            status = RunStatus.COMPLETED;
            currentPhase = null;
        } else {
            status = RunStatus.RUNNING;
            currentPhase = last.type() == PhaseEventType.ARTIFACT ? Phase.values()[last.phase().ordinal() + 1] : last.phase();
        }
        return Optional.of(new RunSummary(created.runId().toString(), status, created.prompt(), created.seed(), lastSeq,
                created.ts(), status.isTerminal() ? last.ts() : null, currentPhase, lastSeq, error));
    }
}
