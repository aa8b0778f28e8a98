package io.heliox.atlas.command.application;

import io.heliox.atlas.api.run.StartRunCommand;
import io.heliox.atlas.api.usage.QuotaExceededException;
import io.heliox.atlas.command.concurrency.RaceRetry;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Starting a run: created and admitted against its workspace's quotas (runs of the day, runs in
 * flight) in one unit of work ({@link io.heliox.atlas.command.application.usage.RunAdmission}), so a
 * run that starts always holds its slot and a refused one leaves nothing behind. A start that lost a
 * race for the workspace's ledger to another node is made again on the ledger as it now is.
 */
public class RunStartService {

    private final CommandGateway commands;

    public RunStartService(CommandGateway commands) {
        this.commands = commands;
    }

    /** @throws QuotaExceededException when the workspace may not start another run now */
    public void start(StartRunCommand command) {
        try {
            RaceRetry.retrying("starting run " + command.runId(), () -> commands.sendAndWait(command));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof QuotaExceededException refused) {
                    throw refused; // raised by the admission, perhaps wrapped by the event processing
                }
            }
            throw e;
        }
    }
}
