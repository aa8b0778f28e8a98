package io.heliox.atlas.command.application.usage;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.command.metering.BacktestMeter;
import io.heliox.atlas.command.metering.StepMeters;
import io.heliox.atlas.command.metering.TokenMeter;
import io.heliox.atlas.command.ownership.AggregateOwners;

/**
 * The meters of a run's steps, in the run's workspace (its first event's): a step's model calls
 * under ids {@code <runId>#<seq>.<n>}, its simulated bars under {@code <runId>#<seq>}, {@code seq}
 * being the event the step follows, so a step performed again after a crash is metered once. Runs
 * made before workspaces existed meter nothing.
 */
public class RunMeters implements StepMeters, BacktestMeter {

    private final UsageMeter usage;
    private final AggregateOwners owners;

    public RunMeters(UsageMeter usage, AggregateOwners owners) {
        this.usage = usage;
        this.owners = owners;
    }

    @Override
    public TokenMeter forStep(RunId runId, long afterSeq) {
        return owners.workspace(runId.toString())
                .map(workspace -> usage.tokens(workspace, runId.toString(), runId + "#" + afterSeq))
                .orElse(TokenMeter.NONE);
    }

    @Override
    public void record(RunId runId, String key, long bars) {
        if (bars > 0) {
            owners.workspace(runId.toString())
                    .ifPresent(workspace -> usage.recordBacktestBars(workspace, key, runId.toString(), bars));
        }
    }
}
