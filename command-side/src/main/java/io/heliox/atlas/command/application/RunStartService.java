package io.heliox.atlas.command.application;

import io.heliox.atlas.api.run.StartRunCommand;
import io.heliox.atlas.command.application.usage.UsageMeter;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.UUID;

/**
 * Starting a run in a workspace: admitted against its quotas (runs of the day, runs in flight) and
 * started in one transaction, so a run that starts always holds its slot and a refused one leaves
 * nothing behind.
 */
public class RunStartService {

    private final CommandGateway commands;
    private final UsageMeter usage;

    public RunStartService(CommandGateway commands, UsageMeter usage) {
        this.commands = commands;
        this.usage = usage;
    }

    /** @throws io.heliox.atlas.api.usage.QuotaExceededException when the workspace may not start another run now */
    public void start(StartRunCommand command, UUID workspace) {
        usage.admitRun(workspace, command.runId(), () -> commands.sendAndWait(command));
    }
}
