package io.heliox.atlas.command.metering;

import io.heliox.atlas.api.RunId;

/** Where the bars a run's backtests simulated are metered (its workspace's ledger). */
@FunctionalInterface
public interface BacktestMeter {

    /** @param key the step's id: a step performed again (after a crash) records under the same key, once */
    void record(RunId runId, String key, long bars);

    /** Meters nothing. */
    BacktestMeter NONE = (runId, key, bars) -> {
    };
}
