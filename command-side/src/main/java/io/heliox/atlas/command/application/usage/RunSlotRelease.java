package io.heliox.atlas.command.application.usage;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.command.metering.RunEndings;
import io.heliox.atlas.command.ownership.AggregateOwners;
import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;

/**
 * Frees a run's slot among its workspace's runs in flight when the run ends, called by the run
 * worker as it handles the run's terminal event: the release commits with the worker's token, so
 * after a crash the event comes again and the release with it, and releasing a run twice releases
 * it once. (A tracking processor of its own cost every run a transaction per event it read, for
 * the four a run ends with.) Runs made before quotas existed hold no slot; releasing one changes
 * nothing.
 */
public class RunSlotRelease implements RunEndings {

    private final UsageMeter usage;
    private final AggregateOwners owners;

    public RunSlotRelease(UsageMeter usage, AggregateOwners owners) {
        this.usage = usage;
        this.owners = owners;
    }

    /** The event's workspace, or (an event whose metadata lost it, a deadline's) the run's own. */
    @Override
    public void ended(RunId runId, EventMessage<?> lastEvent) {
        Optional.ofNullable(Scope.workspaceOf(lastEvent)).or(() -> owners.workspace(runId.toString()))
                .ifPresent(workspace -> usage.releaseRun(workspace, runId));
    }
}
