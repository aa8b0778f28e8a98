package io.heliox.atlas.command.application.usage;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.command.ownership.AggregateOwners;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;

/**
 * Frees a run's slot among its workspace's runs in flight when the run ends (failed, cancelled,
 * timed out, or packaged). A tracking processor: after a crash it goes on from its token, and
 * releasing a run twice releases it once. It starts at the head of the event store the first time,
 * so runs from before quotas existed (which hold no slot) are not walked through.
 */
@ProcessingGroup(RunSlotRelease.PROCESSING_GROUP)
public class RunSlotRelease {

    public static final String PROCESSING_GROUP = "usage-run-slots";

    private final UsageMeter usage;
    private final AggregateOwners owners;

    public RunSlotRelease(UsageMeter usage, AggregateOwners owners) {
        this.usage = usage;
        this.owners = owners;
    }

    @EventHandler
    void on(PhaseFailedEvent event, EventMessage<?> message) {
        release(event.runId(), message);
    }

    @EventHandler
    void on(PhaseArtifactProducedEvent event, EventMessage<?> message) {
        if (event.terminal()) {
            release(event.runId(), message);
        }
    }

    /** The event's workspace, or (an event whose metadata lost it, a deadline's) the run's own. */
    private void release(RunId runId, EventMessage<?> message) {
        Optional.ofNullable(Scope.workspaceOf(message)).or(() -> owners.workspace(runId.toString()))
                .ifPresent(workspace -> usage.releaseRun(workspace, runId));
    }
}
