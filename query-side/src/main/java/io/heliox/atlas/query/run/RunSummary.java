package io.heliox.atlas.query.run;

import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunStatus;
import io.heliox.atlas.api.run.RunState;

import java.time.Instant;

/**
 * What the API says of a run (contract schema RunSummary).
 *
 * @param currentPhase the phase running now, or the phase that ended the run; null once completed
 * @param eventCount   phase events so far (= lastSeq: seq is gapless from 1)
 * @param error        the failure that ended the run, or null
 */
public record RunSummary(String runId, RunStatus status, String prompt, Long seed, long lastSeq, Instant createdAt,
                         Instant finishedAt, Phase currentPhase, long eventCount, RunError error) {

    public record RunError(Phase phase, String code, String message) {
    }

    public static RunSummary of(RunState run) {
        RunError error = run.error() == null ? null : new RunError(run.phase(), run.error().code(), run.error().message());
        return new RunSummary(run.runId().toString(), run.status(), run.prompt(), run.seed(), run.lastSeq(),
                run.createdAt(), run.finishedAt(), run.currentPhase(), run.lastSeq(), error);
    }
}
