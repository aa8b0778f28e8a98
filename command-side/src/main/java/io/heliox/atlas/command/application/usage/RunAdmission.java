package io.heliox.atlas.command.application.usage;

import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.workspace.Scope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.util.UUID;

/**
 * Admits each new run against its workspace's quotas (runs of the day, runs in flight) in the unit
 * of work that creates it: a subscribing processor, so the admission's events and the run's commit
 * together (one transaction, one notice to the tracking processors after it) and a refusal
 * ({@link io.heliox.atlas.api.usage.QuotaExceededException}) undoes the run and reaches its caller.
 * Runs in no workspace (none are made that way any more) are not counted.
 */
@ProcessingGroup(RunAdmission.PROCESSING_GROUP)
public class RunAdmission {

    public static final String PROCESSING_GROUP = "usage-admission";

    private final UsageMeter usage;

    public RunAdmission(UsageMeter usage) {
        this.usage = usage;
    }

    @EventHandler
    void on(RunCreatedEvent event, EventMessage<?> message) {
        UUID workspace = Scope.workspaceOf(message);
        if (workspace != null) {
            usage.admitRun(workspace, event.runId());
        }
    }
}
