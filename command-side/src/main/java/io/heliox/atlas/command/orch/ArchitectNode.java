package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.llm.LlmFailure;
import io.heliox.atlas.llm.LlmProvider;
import io.heliox.atlas.llm.guard.InjectionGuard;
import io.heliox.atlas.llm.guard.SecretMasker;
import io.heliox.atlas.llm.output.OutputPipeline;
import io.heliox.atlas.llm.output.OutputRejected;
import io.heliox.atlas.llm.prompt.PromptTemplates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The architect: a trader's request → a blueprint that validates against the
 * contract, in three sub-steps a run checkpoints (2.3.4): {@link #parse} (mask secrets, look for
 * injection, defuse delimiters) → {@link #call} (the architect template; the paid step, whose reply
 * is checkpointed) → {@link #emit} (strict → local repair → at most one paid repair round, then
 * risk clamps no model output can lift: risk per trade ≤ {@value #MAX_RISK_BP} bp, a drawdown
 * limit always set). {@link #run} does all three at once, outside a run.
 */
public final class ArchitectNode {

    static final int MAX_RISK_BP = 200;
    static final double DEFAULT_MAX_DRAWDOWN_PCT = 20.0;
    private static final int MAX_TOKENS = 1_200;
    private static final double TEMPERATURE = 0.2;

    /** The request as the model will see it, and what the injection guard found in it. */
    public record Parsed(String request, List<String> injectionFlags) {
        public JsonNode state() {
            ObjectNode state = JsonNodeFactory.instance.objectNode();
            state.put("request", request);
            injectionFlags.forEach(state.putArray("injection_flags")::add);
            return state;
        }

        public static Parsed fromState(JsonNode state) {
            List<String> flags = new ArrayList<>();
            state.path("injection_flags").forEach(f -> flags.add(f.asText()));
            return new Parsed(state.path("request").asText(), flags);
        }
    }

    /** The blueprint and how it was made; {@code calls} are those of the step(s) that produced it. */
    public record Result(ObjectNode blueprint, List<String> injectionFlags, OutputPipeline.Stage stage,
                         List<LlmSession.Call> calls) {
    }

    private final LlmProvider provider;
    private final PromptTemplates templates;
    private final OutputPipeline pipeline;
    private final SecretMasker masker;
    private final InjectionGuard guard = new InjectionGuard();
    private final String modelId;

    public ArchitectNode(LlmProvider provider, String modelId, PromptTemplates templates, ContractSchemas schemas,
                         SecretMasker masker) {
        this.provider = provider;
        this.modelId = modelId;
        this.templates = templates;
        this.pipeline = new OutputPipeline(schemas);
        this.masker = masker;
    }

    public Result run(String prompt, long seed) {
        return run(prompt, seed, BudgetGuard.unlimited());
    }

    public Result run(String prompt, long seed, BudgetGuard budget) {
        Parsed parsed = parse(prompt);
        NodeCall called = call(parsed, seed, budget);
        Result result;
        try {
            result = emit(parsed, called.reply(), seed, budget);
        } catch (NodeFailed e) {
            throw e.after(called.calls());
        }
        List<LlmSession.Call> calls = new ArrayList<>(called.calls());
        calls.addAll(result.calls());
        return new Result(result.blueprint(), result.injectionFlags(), result.stage(), calls);
    }

    /** architect.parse_req */
    public Parsed parse(String prompt) {
        InjectionGuard.Verdict verdict = guard.inspect(masker.mask(prompt));
        return new Parsed(verdict.sanitized(), verdict.flags().stream().map(InjectionGuard.Flag::code).sorted().toList());
    }

    /** architect.llm_call */
    public NodeCall call(Parsed parsed, long seed, BudgetGuard budget) {
        LlmSession session = session(seed, budget);
        try {
            return new NodeCall(session.call("architect", values(parsed), TEMPERATURE, MAX_TOKENS), session.calls());
        } catch (LlmFailure e) {
            throw new NodeFailed(e.kind().code(), "the architect's model call failed: "
                    + leaks(parsed).safeMessage(e.getMessage()), e.kind().retryable(), session.calls());
        } catch (NodeFailed e) {
            throw e.withCalls(session.calls());
        }
    }

    /** architect.emit_artifact: the reply made a valid, clamped blueprint (one paid repair round at most). */
    public Result emit(Parsed parsed, String reply, long seed, BudgetGuard budget) {
        LlmSession session = session(seed, budget);
        LeakCheck leaks = leaks(parsed);
        OutputPipeline.Outcome outcome;
        try {
            outcome = pipeline.read(reply, ContractSchemas.BLUEPRINT, leaks::problems,
                    session.repairer(ContractSchemas.BLUEPRINT, MAX_TOKENS));
        } catch (LlmFailure e) {
            throw new NodeFailed(e.kind().code(), "the architect's repair call failed: " + leaks.safeMessage(e.getMessage()),
                    e.kind().retryable(), session.calls());
        } catch (OutputRejected e) {
            throw new NodeFailed(e.code(), "the architect's answer is not a valid blueprint: "
                    + leaks.safeMessage(String.join("; ", e.problems())), false, session.calls());
        } catch (NodeFailed e) {
            throw e.withCalls(session.calls());
        }
        ObjectNode blueprint = (ObjectNode) outcome.document();
        clampRisk(blueprint);
        return new Result(blueprint, parsed.injectionFlags(), outcome.stage(), session.calls());
    }

    private LlmSession session(long seed, BudgetGuard budget) {
        return new LlmSession("architect", provider, templates, masker, modelId, seed, budget);
    }

    private static Map<String, String> values(Parsed parsed) {
        return Map.of("request", parsed.request());
    }

    private LeakCheck leaks(Parsed parsed) {
        return new LeakCheck(templates.get("architect").render(values(parsed)).system(), masker);
    }

    /** The policy half of the guardrails: what the system prompt asks for, enforced after the model. */
    static void clampRisk(ObjectNode blueprint) {
        JsonNode constraintsNode = blueprint.path("constraints");
        if (!(constraintsNode instanceof ObjectNode constraints)) {
            return; // the schema requires it; nothing to clamp on a document the pipeline rejected
        }
        StringBuilder note = new StringBuilder();
        if (constraints.path("risk_bp").asInt() > MAX_RISK_BP) {
            note.append("risk per trade capped at ").append(MAX_RISK_BP).append(" bp. ");
            constraints.put("risk_bp", MAX_RISK_BP);
        }
        if (!constraints.has("max_drawdown_pct")) {
            note.append("max drawdown set to ").append(DEFAULT_MAX_DRAWDOWN_PCT).append(" %. ");
            constraints.put("max_drawdown_pct", DEFAULT_MAX_DRAWDOWN_PCT);
        }
        if (!note.isEmpty()) {
            String notes = (blueprint.path("notes").asText("") + " Guardrails: " + note).strip();
            blueprint.put("notes", notes.length() > 2000 ? notes.substring(0, 2000) : notes);
        }
    }
}
