package io.heliox.atlas.command.orch;

import io.heliox.atlas.api.usage.QuotaExceededException;
import io.heliox.atlas.llm.LlmCall;
import io.heliox.atlas.llm.LlmProvider;
import io.heliox.atlas.llm.LlmReply;
import io.heliox.atlas.llm.guard.SecretMasker;
import io.heliox.atlas.llm.output.OutputPipeline;
import io.heliox.atlas.llm.prompt.PromptTemplate;
import io.heliox.atlas.llm.prompt.PromptTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The LLM calls of one node step: renders a template, masks secrets on the way in and out, calls
 * the provider, and keeps a record of every call (template ref, model, tokens, latency) for the
 * events, the budget and the semantic log line ({@code model latency_ms tokens repair_attempts}).
 * Not thread-safe: one per step.
 */
public final class LlmSession {

    private static final Logger log = LoggerFactory.getLogger(LlmSession.class);

    /** One call as it happened. */
    public record Call(String template, String model, LlmReply.FinishReason finish, LlmReply.Usage usage, long latencyMs) {
    }

    private final LlmProvider provider;
    private final PromptTemplates templates;
    private final SecretMasker masker;
    private final String modelId;
    private final long seed;
    private final BudgetGuard budget;
    private final String node;
    private final List<Call> calls = new ArrayList<>();

    LlmSession(String node, LlmProvider provider, PromptTemplates templates, SecretMasker masker, String modelId, long seed,
               BudgetGuard budget) {
        this.node = node;
        this.provider = provider;
        this.templates = templates;
        this.masker = masker;
        this.modelId = modelId;
        this.seed = seed;
        this.budget = budget;
    }

    /** The reply's text, secrets already masked. */
    String call(String templateId, Map<String, String> values, double temperature, int maxTokens) {
        PromptTemplate template = templates.get(templateId);
        PromptTemplate.Rendered prompt = template.render(values);
        String system = masker.mask(prompt.system());
        String user = masker.mask(prompt.user());
        int promptTokens = LlmReply.Usage.estimate(system) + LlmReply.Usage.estimate(user);
        int allowed = budget.admit(node, promptTokens, maxTokens);
        String callId = reserve(promptTokens + allowed);
        LlmCall call = new LlmCall(modelId, template.ref(), system, user, temperature, allowed, seed, template.stop());
        long start = System.nanoTime();
        LlmReply reply;
        try {
            reply = provider.complete(call);
        } catch (RuntimeException failed) {
            budget.meter().cancel(callId);
            throw failed;
        }
        budget.meter().record(callId, reply);
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        calls.add(new Call(template.ref(), reply.modelId(), reply.finishReason(), reply.usage(), latencyMs));
        log.info("llm call node={} template={} model={} latency_ms={} tokens={} finish={} repair_attempts={}", node,
                template.ref(), reply.modelId(), latencyMs, reply.usage().total(), reply.finishReason().wireName(),
                templateId.equals("repair") ? 1 : 0);
        budget.spend(node, reply.usage());
        return masker.mask(reply.content());
    }

    /** Holds the call's most against the workspace's tokens of the day; a day that cannot cover it ends the step. */
    private String reserve(long tokens) {
        try {
            return budget.meter().reserve(tokens);
        } catch (QuotaExceededException over) {
            throw new NodeFailed("quota.model_tokens_exceeded", node + " cannot call a model: " + over.getMessage(),
                    false, calls, over);
        }
    }

    /** The one paid repair round for a document that must match {@code schema}. */
    OutputPipeline.Repairer repairer(String schema, int maxTokens) {
        return (bad, problems) -> call("repair", Map.of(
                "output", bad, "errors", "- " + String.join("\n- ", problems), "schema", schema), 0.0, maxTokens);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }
}
