package io.heliox.atlas.command.application;

import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.CancelRunCommand;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.command.concurrency.RaceRetry;
import io.heliox.atlas.command.run.RunStates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;

/**
 * Cancelling a run: a run still going ends with a {@code run.cancelled} error event; a run that
 * already ended is left as it is, so a client may repeat the call.
 *
 * <p>Two nodes may append to the same run at the same moment (a cancel here, a worker step or
 * another cancel there). The event store's unique (aggregate, seq) key lets exactly one of them
 * win; the loser gets Axon's concurrency exception. A cancel that lost simply tries again on ({@link RaceRetry})
 * the run as it now is (where it usually finds the run ended, a no-op), so the conflict never
 * reaches the client and never leaves a gap or a duplicate.
 */
public class RunCancelService {

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Clock clock;

    public RunCancelService(CommandGateway commands, EventStore eventStore, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /**
     * @param reason the client's words, or null
     * @throws NotFoundException when no run in {@code scope} has this id
     */
    public void cancel(RunId runId, String reason, Scope scope) {
        if (RunStates.find(eventStore, runId, scope).isEmpty()) {
            throw new NotFoundException("no run " + runId);
        }
        CancelRunCommand command = new CancelRunCommand(runId, reason, clock.instant());
        RaceRetry.retrying("cancel of run " + runId, () -> commands.sendAndWait(command));
    }
}
