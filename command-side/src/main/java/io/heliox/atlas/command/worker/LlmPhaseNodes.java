package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.artifact.Blueprint;
import io.heliox.atlas.api.artifact.StoredObject;
import io.heliox.atlas.api.run.Checkpoint;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.orch.ArchitectNode;
import io.heliox.atlas.command.orch.BudgetGuard;
import io.heliox.atlas.command.orch.LlmTrace;
import io.heliox.atlas.command.orch.NodeCall;
import io.heliox.atlas.command.metering.StepMeters;
import io.heliox.atlas.command.orch.SynthNode;
import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.command.storage.StoredObjects;
import io.heliox.atlas.kernel.CanonicalJson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of a run in {@code llm} mode, one checkpointed sub-step per event:
 *
 * <pre>
 * architect: parse_req → llm_call (the paid call; its reply is the checkpoint's state) → artifact
 * synth:     prepare_blueprint → llm_iter #1 (all candidates, one call) → [llm_iter #2: the
 *            failures only] → artifact (emit_candidates)
 * </pre>
 *
 * The blueprint and the candidates are also written to object storage ({@code runs/{runId}/}),
 * referenced by the artifact's {@code stored}. A worker that restarts goes on from the last checkpoint: the replies it needs are in the run's
 * events, so no paid call is made twice. Each paid sub-step's status carries its {@code llm} trace
 * (the budget and the run_llm_calls read model count it there). t0 and pack run the engine and the
 * packager ({@link EnginePhaseNodes}); {@code mock} mode uses the mock nodes for every phase.
 */
public final class LlmPhaseNodes implements PhaseNode {

    static final String PARSE_REQ = "architect.parse_req";
    static final String LLM_CALL = "architect.llm_call";
    static final String PREPARE_BLUEPRINT = "synth.prepare_blueprint";
    static final String LLM_ITER = "synth.llm_iter";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ArchitectNode architect;
    private final SynthNode synth;
    private final PhaseNode engine;
    private final PhaseNode mock;
    private final ObjectStore store;
    private final Clock clock;
    private final StepMeters meters;

    /**
     * @param engine the t0 and pack phases of {@code llm} mode ({@link EnginePhaseNodes})
     * @param mock   the mock nodes, every phase of {@code mock} mode
     * @param meters the workspace's tokens of the day, asked before every model call
     */
    public LlmPhaseNodes(ArchitectNode architect, SynthNode synth, PhaseNode engine, PhaseNode mock, ObjectStore store,
                         Clock clock, StepMeters meters) {
        this.meters = meters;
        this.architect = architect;
        this.synth = synth;
        this.engine = engine;
        this.mock = mock;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Step next(RunState history, Instant now) {
        Phase phase = history.phase();
        if (RunOptions.MODE_MOCK.equals(history.options().mode())) {
            return mock.next(history, now);
        }
        if (phase == Phase.T0 || phase == Phase.PACK) {
            return engine.next(history, now);
        }
        long timeMsLimit = history.options().timeMsLimit();
        BudgetGuard budget = new BudgetGuard(history.options().tokensLimit(), history.tokensUsed(),
                history.createdAt().plusMillis(timeMsLimit), timeMsLimit, clock,
                meters.forStep(history.runId(), history.lastSeq()));
        return phase == Phase.ARCHITECT ? architect(history, budget) : synth(history, budget);
    }

    private Step architect(RunState history, BudgetGuard budget) {
        Checkpoint last = history.lastCheckpoint();
        if (last == null) {
            ArchitectNode.Parsed parsed = architect.parse(history.prompt());
            String flags = parsed.injectionFlags().isEmpty() ? "" : "; injection suspected: " + String.join(", ", parsed.injectionFlags());
            return checkpoint("request read" + flags, 0.1, PARSE_REQ, 1, parsed.state(), null);
        }
        ArchitectNode.Parsed parsed = ArchitectNode.Parsed.fromState(history.checkpoints().get(0).state());
        if (last.step().equals(PARSE_REQ)) {
            NodeCall call = architect.call(parsed, history.seed(), budget);
            return checkpoint("the model answered (" + call.calls().get(0).model() + ", "
                    + call.calls().get(0).usage().total() + " tokens)", 0.6, LLM_CALL, 1, reply(call),
                    LlmTrace.json(call.calls(), parsed.injectionFlags(), null));
        }
        ArchitectNode.Result result = architect.emit(parsed, last.state().path("reply").asText(), history.seed(), budget);
        ObjectNode payload = JSON.objectNode();
        payload.set("blueprint", result.blueprint());
        payload.set("stored", store(history, "blueprint.json", result.blueprint()));
        if (!result.calls().isEmpty()) { // the repair round, if one was needed
            payload.set("llm", LlmTrace.json(result.calls(), parsed.injectionFlags(), null));
        }
        return new Step(PhaseEventType.ARTIFACT, payload);
    }

    private Step synth(RunState history, BudgetGuard budget) {
        Blueprint blueprint = history.blueprint();
        Checkpoint last = history.lastCheckpoint();
        if (last == null) {
            SynthNode.Prepared prepared = synth.prepare(history.blueprintDocument());
            return checkpoint("blueprint ready; asking for " + SynthNode.MAX_CANDIDATES + " candidates", 0.1,
                    PREPARE_BLUEPRINT, 1, prepared.state(), null);
        }
        SynthNode.Prepared prepared = SynthNode.Prepared.fromState(history.checkpoints().get(0).state());
        List<String> replies = new ArrayList<>();
        history.checkpoints().stream().filter(c -> c.step().equals(LLM_ITER))
                .forEach(c -> replies.add(c.state().path("reply").asText()));
        if (replies.isEmpty()) {
            return iteration(blueprint, prepared, replies, synth.generate(prepared, history.seed(), budget), 0.5);
        }
        SynthNode.Sorted sorted = synth.sort(blueprint, prepared, replies);
        if (sorted.needsRepair()) {
            return iteration(blueprint, prepared, replies, synth.repair(prepared, sorted, history.seed(), budget), 0.8);
        }
        ObjectNode payload = JSON.objectNode();
        JsonNode candidates = synth.finish(prepared, sorted).candidates();
        payload.set("candidates", candidates);
        payload.set("stored", store(history, "candidates.json", candidates));
        return new Step(PhaseEventType.ARTIFACT, payload);
    }

    /** An llm_iter checkpoint: the reply, and what the replies so far add up to as the status message. */
    private Step iteration(Blueprint blueprint, SynthNode.Prepared prepared, List<String> replies, NodeCall call,
                           double progress) {
        List<String> all = new ArrayList<>(replies);
        all.add(call.reply());
        List<SynthNode.Iteration> iterations = synth.sort(blueprint, prepared, all).iterations();
        String summary = iterations.get(iterations.size() - 1).summary();
        return checkpoint(summary.length() > 500 ? summary.substring(0, 497) + "…" : summary, progress, LLM_ITER,
                all.size(), reply(call), LlmTrace.json(call.calls(), prepared.injectionFlags(),
                        iterations.stream().map(SynthNode.Iteration::summary).toList()));
    }

    /**
     * The artifact's document in object storage under {@code runs/{runId}/}, written before the event
     * is recorded: a retry after a crash writes the same bytes to the same key (canonical JSON).
     */
    private ObjectNode store(RunState history, String name, JsonNode document) {
        return storeRunObject(store, history, name, CanonicalJson.bytes(document), "application/json").toJson();
    }

    /** Writes {@code runs/{runId}/{name}} and describes it as an artifact's {@code stored}. */
    static StoredObject storeRunObject(ObjectStore store, RunState history, String name, byte[] bytes, String type) {
        String key = "runs/" + history.runId() + "/" + name;
        store.put(key, bytes, type);
        return StoredObjects.describe(key, bytes);
    }

    private static JsonNode reply(NodeCall call) {
        return JSON.objectNode().put("reply", call.reply());
    }

    /** @param llm the trace of the sub-step's paid calls, or null when it made none */
    static Step checkpoint(String msg, double progress, String step, int n, JsonNode state, ObjectNode llm) {
        ObjectNode payload = JSON.objectNode();
        payload.put("msg", msg);
        payload.put("progress", progress);
        payload.set("checkpoint", new Checkpoint(step, n, state).toJson());
        if (llm != null) {
            payload.set("llm", llm);
        }
        return new Step(PhaseEventType.STATUS, payload);
    }
}
