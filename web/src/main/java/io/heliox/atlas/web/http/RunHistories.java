package io.heliox.atlas.web.http;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.run.RunStates;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** A run's history read from its own events for an HTTP answer: an unknown run is a 404. */
final class RunHistories {

    private RunHistories() {
    }

    static RunState read(EventStore eventStore, RunId runId) {
        return RunStates.find(eventStore, runId).orElseThrow(() -> ApiProblem.notFound("no run " + runId));
    }
}
