package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.PhaseStep;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.command.orch.ArchitectNode;
import io.heliox.atlas.command.orch.BudgetGuard;
import io.heliox.atlas.command.orch.LlmTrace;
import io.heliox.atlas.command.orch.SynthNode;

import java.time.Clock;
import java.time.Instant;

/**
 * The nodes of a run in {@code llm} mode: the real architect and synth through the LLM layer;
 * t0 and pack are still Milestone 1's mocks until the engine is wired into runs. A run in
 * {@code mock} mode goes to the mocks for every phase. A node that cannot produce its artifact
 * throws {@link io.heliox.atlas.command.orch.NodeFailed}, which the worker records as the run's
 * error event.
 */
public final class LlmPhaseNodes implements PhaseNode {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ArchitectNode architect;
    private final SynthNode synth;
    private final PhaseNode mock;
    private final Clock clock;

    public LlmPhaseNodes(ArchitectNode architect, SynthNode synth, PhaseNode mock, Clock clock) {
        this.architect = architect;
        this.synth = synth;
        this.mock = mock;
        this.clock = clock;
    }

    @Override
    public JsonNode perform(PhaseStep step, RunHistory history, Instant now) {
        if (RunOptions.MODE_MOCK.equals(history.options().mode())) {
            return mock.perform(step, history, now);
        }
        Phase phase = step.phase();
        if (phase == Phase.T0 || phase == Phase.PACK) {
            return mock.perform(step, history, now);
        }
        if (step.type() == PhaseEventType.STATUS) {
            ObjectNode status = JSON.objectNode();
            status.put("msg", phase == Phase.ARCHITECT ? "reading the request into a blueprint"
                    : "writing " + SynthNode.MAX_CANDIDATES + " candidate strategies from the blueprint");
            status.put("progress", 0.0);
            return status;
        }
        ObjectNode payload = JSON.objectNode();
        long timeMsLimit = history.options().timeMsLimit();
        BudgetGuard budget = new BudgetGuard(history.options().tokensLimit(), history.tokensUsed(),
                history.createdAt().plusMillis(timeMsLimit), timeMsLimit, clock);
        if (phase == Phase.ARCHITECT) {
            ArchitectNode.Result result = architect.run(history.prompt(), history.seed(), budget);
            payload.set("blueprint", result.blueprint());
            payload.set("llm", LlmTrace.json(result.calls(), result.injectionFlags(), null));
        } else {
            SynthNode.Result result = synth.run(history.artifact(Phase.ARCHITECT).path("blueprint"), history.seed(), budget);
            payload.set("candidates", result.candidates());
            payload.set("llm", LlmTrace.json(result.calls(), result.injectionFlags(),
                    result.iterations().stream().map(SynthNode.Iteration::summary).toList()));
        }
        return payload;
    }
}
