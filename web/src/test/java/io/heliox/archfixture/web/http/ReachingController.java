package io.heliox.archfixture.web.http;

import io.heliox.archfixture.command.worker.Worker;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.RestController;

/** Reaches past the services: into a command-side internal and straight into the event store. */
@RestController
public class ReachingController {

    private final Worker worker = new Worker();

    public void handle(EventStore eventStore) {
        worker.step();
        eventStore.readEvents("x", 0);
    }
}
