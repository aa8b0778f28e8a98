package io.heliox.atlas.api.run;

import io.heliox.atlas.api.RunId;

/**
 * Where a client finds a run's resources. Run artifacts carry these links (a t0 result's
 * {@code detailUrl}, a pack artifact's {@code downloadUrl}), but only the HTTP adapter knows its
 * paths, so it supplies them through this port.
 */
public interface RunLinks {

    /** A backtest result's curve and fills. */
    String result(RunId runId, String candidateId, String scenarioId);

    /** A run's signed package: the packed candidate's when {@code candidateId} is null. */
    String runPackage(RunId runId, String candidateId);
}
