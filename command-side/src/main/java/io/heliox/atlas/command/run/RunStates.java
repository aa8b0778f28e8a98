package io.heliox.atlas.command.run;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.api.workspace.Scope;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Optional;

/**
 * Reads a run's state from its own event stream, so a node on any machine, after any crash, sees
 * what the aggregate sees.
 */
public final class RunStates {

    private RunStates() {
    }

    /** The run's state, or empty when no run has this id (one read of its stream either way). */
    public static Optional<RunState> find(EventStore eventStore, RunId runId) {
        // readEvents(id, 0) reads from the creation; the one-argument form may start at a snapshot.
        return RunState.of(eventStore.readEvents(runId.toString(), 0));
    }

    /**
     * The run's state when it is in {@code scope}; empty when no run has this id or it belongs to
     * another workspace (the two look the same to a caller, so ids cannot be probed).
     */
    public static Optional<RunState> find(EventStore eventStore, RunId runId, Scope scope) {
        DomainEventStream stream = eventStore.readEvents(runId.toString(), 0);
        if (!stream.hasNext() || !scope.admits(stream.peek())) {
            return Optional.empty();
        }
        return RunState.of(stream);
    }

    public static RunState read(EventStore eventStore, RunId runId) {
        return find(eventStore, runId).orElseThrow(
                () -> new IllegalStateException("run " + runId + " has no creation event"));
    }
}
