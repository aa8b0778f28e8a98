package io.heliox.atlas.command.application.usage;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.command.ownership.AggregateOwners;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.util.Optional;
import java.util.UUID;

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
    void on(PhaseFailedEvent event, @MetaDataValue(Scope.METADATA_KEY) String workspace) {
        release(event.runId(), workspace);
    }

    @EventHandler
    void on(PhaseArtifactProducedEvent event, @MetaDataValue(Scope.METADATA_KEY) String workspace) {
        if (event.terminal()) {
            release(event.runId(), workspace);
        }
    }

    /** The event's workspace, or (an event whose metadata lost it, a deadline's) the run's own. */
    private void release(RunId runId, String workspace) {
        Optional<UUID> owner = workspace == null || workspace.isEmpty()
                ? owners.workspace(runId.toString()) : Optional.of(UUID.fromString(workspace));
        owner.ifPresent(id -> usage.releaseRun(id, runId));
    }
}
