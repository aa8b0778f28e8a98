package io.heliox.atlas.command.application;

import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.CancelRunCommand;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.command.run.RunStates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cancelling a run: a run still going ends with a {@code run.cancelled} error event; a run that
 * already ended is left as it is, so a client may repeat the call.
 *
 * <p>Two nodes may append to the same run at the same moment (a cancel here, a worker step or
 * another cancel there). The event store's unique (aggregate, seq) key lets exactly one of them
 * win; the loser gets Axon's {@link ConcurrencyException}. A cancel that lost simply tries again on
 * the run as it now is (where it usually finds the run ended, a no-op), so the conflict never
 * reaches the client and never leaves a gap or a duplicate.
 */
public class RunCancelService {

    private static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(RunCancelService.class);

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
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(command);
                return;
            } catch (RuntimeException e) {
                if (!lostARace(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.info("cancel of run {} lost a race to another writer (attempt {}: {}), retrying", runId, attempt,
                        e.getClass().getSimpleName());
                backOff(attempt);
            }
        }
    }

    /** True for an optimistic-locking conflict: another node appended to the run first. */
    static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true; // unique_violation on (aggregate_identifier, sequence_number)
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a cancel", e);
        }
    }
}
