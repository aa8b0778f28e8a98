package io.heliox.atlas.api;

import java.util.List;

/**
 * A (phase, event type) pair. {@link #SEQUENCE} is the shortest successful run, one status per
 * phase (pack: none) then its artifact: what the mock nodes emit. Nodes in llm mode
 * record several statuses per phase (checkpoints), so a run's seq is not an index into it.
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

    /** True when nothing may follow an event of this phase and type: the pack artifact or any error. */
    public static boolean isTerminal(Phase phase, PhaseEventType type) {
        return type == PhaseEventType.ERROR || (phase == Phase.PACK && type == PhaseEventType.ARTIFACT);
    }

    @Override
    public String toString() {
        return phase.wireName() + "." + type.wireName();
    }
}
