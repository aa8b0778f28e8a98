package io.heliox.atlas.web.http;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.command.worker.RunHistory;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** A run's history read from its own events for an HTTP answer: an unknown run is a 404. */
final class RunHistories {

    private RunHistories() {
    }

    static RunHistory read(EventStore eventStore, RunId runId) {
        return RunHistory.find(eventStore, runId).orElseThrow(() -> ApiProblem.notFound("no run " + runId));
    }
}
