package io.heliox.atlas.query.run;

import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunStatus;

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
}
