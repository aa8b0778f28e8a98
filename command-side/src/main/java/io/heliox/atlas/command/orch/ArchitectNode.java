package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.llm.LlmFailure;
import io.heliox.atlas.command.llm.LlmProvider;
import io.heliox.atlas.command.llm.guard.InjectionGuard;
import io.heliox.atlas.command.llm.guard.SecretMasker;
import io.heliox.atlas.command.llm.output.OutputPipeline;
import io.heliox.atlas.command.llm.output.OutputRejected;
import io.heliox.atlas.command.llm.prompt.PromptTemplates;
import io.heliox.atlas.contracts.ContractSchemas;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The architect (roadmap 2.3.6): a trader's request → a blueprint that validates against the
 * contract. Sub-steps: parse_req (mask secrets, look for injection, defuse delimiters) →
 * llm_call (the architect template) → validate and repair (strict → local → one paid round) →
 * risk clamps that no model output can lift (risk per trade ≤ {@value #MAX_RISK_BP} bp, a
 * drawdown limit always set) → the artifact.
 */
public final class ArchitectNode {

    static final int MAX_RISK_BP = 200;
    static final double DEFAULT_MAX_DRAWDOWN_PCT = 20.0;
    private static final int MAX_TOKENS = 1_200;
    private static final double TEMPERATURE = 0.2;

    /** The blueprint and how it was made. */
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
        // parse_req
        InjectionGuard.Verdict verdict = guard.inspect(masker.mask(prompt));
        Map<String, String> values = Map.of("request", verdict.sanitized());
        // llm_call
        LlmSession session = new LlmSession("architect", provider, templates, masker, modelId, seed, budget);
        LeakCheck leaks = new LeakCheck(session.systemText("architect", values), masker);
        OutputPipeline.Outcome outcome;
        try {
            String reply = session.call("architect", values, TEMPERATURE, MAX_TOKENS);
            outcome = pipeline.read(reply, ContractSchemas.BLUEPRINT, leaks::problems,
                    session.repairer(ContractSchemas.BLUEPRINT, MAX_TOKENS));
        } catch (LlmFailure e) {
            throw new NodeFailed(e.kind().code(), "the architect's model call failed: " + leaks.safeMessage(e.getMessage()),
                    e.kind().retryable(), session.calls());
        } catch (OutputRejected e) {
            throw new NodeFailed(e.code(), "the architect's answer is not a valid blueprint: "
                    + leaks.safeMessage(String.join("; ", e.problems())), false, session.calls());
        } catch (NodeFailed e) {
            throw e.withCalls(session.calls());
        }
        ObjectNode blueprint = (ObjectNode) outcome.document();
        clampRisk(blueprint);
        List<String> flags = verdict.flags().stream().map(InjectionGuard.Flag::code).sorted().collect(Collectors.toList());
        return new Result(blueprint, flags, outcome.stage(), session.calls());
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
