package io.heliox.atlas.api;

import java.util.List;

/**
 * One step of the fixed phase sequence of a successful run. A run's n-th phase event has sequence
 * number n (creation is 0), so {@code SEQUENCE.get(seq - 1)} is what seq must carry.
 */
public record PhaseStep(Phase phase, PhaseEventType type) {

    /** architect.status(1) → architect.artifact(2) → synth.status(3) → synth.artifact(4) → t0.status(5) → t0.artifact(6) → pack.artifact(7). */
    public static final List<PhaseStep> SEQUENCE = List.of(
            new PhaseStep(Phase.ARCHITECT, PhaseEventType.STATUS),
            new PhaseStep(Phase.ARCHITECT, PhaseEventType.ARTIFACT),
            new PhaseStep(Phase.SYNTH, PhaseEventType.STATUS),
            new PhaseStep(Phase.SYNTH, PhaseEventType.ARTIFACT),
            new PhaseStep(Phase.T0, PhaseEventType.STATUS),
            new PhaseStep(Phase.T0, PhaseEventType.ARTIFACT),
            new PhaseStep(Phase.PACK, PhaseEventType.ARTIFACT));

    /** The step after {@code completedSteps} steps, or null when the sequence is done. */
    public static PhaseStep after(int completedSteps) {
        return completedSteps < SEQUENCE.size() ? SEQUENCE.get(completedSteps) : null;
    }

    /** True when nothing may follow an event of this phase and type: the pack artifact or any error. */
    public static boolean isTerminal(Phase phase, PhaseEventType type) {
        return type == PhaseEventType.ERROR || (phase == Phase.PACK && type == PhaseEventType.ARTIFACT);
    }

    @Override
    public String toString() {
        return phase.wireName() + "." + type.wireName();
    }
}
