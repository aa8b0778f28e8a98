package io.heliox.atlas.command.metering;

import io.heliox.atlas.api.RunId;

/** The {@link TokenMeter} of each step of a run: the step after event {@code afterSeq}. */
@FunctionalInterface
public interface StepMeters {

    TokenMeter forStep(RunId runId, long afterSeq);

    /** Meters nothing. */
    StepMeters NONE = (runId, afterSeq) -> TokenMeter.NONE;
}
