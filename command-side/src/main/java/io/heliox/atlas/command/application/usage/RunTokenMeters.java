package io.heliox.atlas.command.application.usage;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.command.metering.StepMeters;
import io.heliox.atlas.command.metering.TokenMeter;
import io.heliox.atlas.command.ownership.AggregateOwners;

/**
 * The token meter of a run's step: the run's workspace (its first event's) meters the step's calls
 * under ids {@code <runId>#<seq>.<n>}, {@code seq} being the event the step follows, so the step
 * performed again after a crash reserves and records the same calls once. Runs made before
 * workspaces existed meter nothing.
 */
public class RunTokenMeters implements StepMeters {

    private final UsageMeter usage;
    private final AggregateOwners owners;

    public RunTokenMeters(UsageMeter usage, AggregateOwners owners) {
        this.usage = usage;
        this.owners = owners;
    }

    @Override
    public TokenMeter forStep(RunId runId, long afterSeq) {
        return owners.workspace(runId.toString())
                .map(workspace -> usage.tokens(workspace, runId.toString(), runId + "#" + afterSeq))
                .orElse(TokenMeter.NONE);
    }
}
