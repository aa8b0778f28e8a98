package io.heliox.atlas.query.run;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.OrchestratorEvent;
import io.heliox.atlas.api.run.RunPhaseEvent;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.api.workspace.Scope;
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
    public List<OrchestratorEvent> phaseEvents(RunId runId, long fromSeq, Scope scope) {
        DomainEventStream stream = read(runId);
        if (!stream.hasNext() || !scope.admits(stream.peek())) {
            return List.of();
        }
        List<OrchestratorEvent> events = new ArrayList<>();
        RunState run = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            run = RunState.after(run, message);
            if (message.getPayload() instanceof RunPhaseEvent event && message.getSequenceNumber() >= fromSeq) {
                events.add(OrchestratorEvent.of(event, message.getSequenceNumber(), run.budget()));
            }
        }
        return events;
    }

    /** The run's summary, or empty when no run in {@code scope} has this id. */
    public Optional<RunSummary> summary(RunId runId, Scope scope) {
        DomainEventStream stream = read(runId);
        if (!stream.hasNext() || !scope.admits(stream.peek())) {
            return Optional.empty();
        }
        return RunState.of(stream).map(RunSummary::of);
    }

    private DomainEventStream read(RunId runId) {
        // readEvents(id, 0) reads from the creation; the one-argument form may start at a snapshot.
        return eventStore.readEvents(runId.toString(), 0);
    }
}
