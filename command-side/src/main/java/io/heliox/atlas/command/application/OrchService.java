package io.heliox.atlas.command.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.usage.QuotaExceededException;
import io.heliox.atlas.command.orch.ArchitectNode;
import io.heliox.atlas.command.orch.BudgetGuard;
import io.heliox.atlas.command.application.usage.UsageMeter;
import io.heliox.atlas.command.orch.LlmTrace;
import io.heliox.atlas.command.orch.NodeFailed;
import io.heliox.atlas.command.orch.SynthNode;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The architect and synth nodes without a run, for trying a prompt or a blueprint: the very nodes a
 * run calls, answered with their output and the trace of their model calls. Their calls have a
 * run's default budget and count against the workspace's tokens of the day, like a run's.
 */
public class OrchService {

    /** @param llm the calls' trace (contract: llm-trace) */
    public record Drafted(JsonNode blueprint, JsonNode llm) {
    }

    /** @param llm the calls' trace, with a summary of each iteration */
    public record Synthesized(JsonNode candidates, JsonNode llm) {
    }

    /** The node failed: its model could not be reached ({@link #modelUnavailable()}), or its answer stayed invalid. */
    public static class NodeRejected extends RuntimeException {
        private final String code;

        NodeRejected(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** True when no model answered (a provider down or refusing), as opposed to answering wrongly. */
        public boolean modelUnavailable() {
            return code.startsWith("llm.");
        }
    }

    private final ArchitectNode architect;
    private final SynthNode synth;
    private final UsageMeter usage;
    private final Budget budget;
    private final Clock clock;

    /** What one call of a node may use: a run's default budget ({@code TOKENS_LIMIT}, {@code TIME_MS_LIMIT}). */
    public record Budget(long tokensLimit, long timeMsLimit) {
    }

    public OrchService(ArchitectNode architect, SynthNode synth, UsageMeter usage, Budget budget, Clock clock) {
        this.architect = architect;
        this.synth = synth;
        this.usage = usage;
        this.budget = budget;
        this.clock = clock;
    }

    /**
     * @param workspace whose tokens of the day the calls use
     * @throws QuotaExceededException when the workspace's tokens of the day cannot cover a call
     */
    public Drafted architect(String prompt, long seed, UUID workspace) {
        BudgetGuard guard = guard(workspace);
        ArchitectNode.Result result = answer(() -> architect.run(prompt, seed, guard));
        return new Drafted(result.blueprint(), LlmTrace.json(result.calls(), result.injectionFlags(), null));
    }

    /** As {@link #architect}. */
    public Synthesized synth(JsonNode blueprint, long seed, UUID workspace) {
        BudgetGuard guard = guard(workspace);
        SynthNode.Result result = answer(() -> synth.run(blueprint, seed, guard));
        return new Synthesized(result.candidates(), LlmTrace.json(result.calls(), result.injectionFlags(),
                result.iterations().stream().map(SynthNode.Iteration::summary).toList()));
    }

    /** A run's default budget, and the workspace's meter: each request's calls are metered as {@code orch:<uuid>.<n>}. */
    private BudgetGuard guard(UUID workspace) {
        return new BudgetGuard(budget.tokensLimit(), 0, clock.instant().plusMillis(budget.timeMsLimit()),
                budget.timeMsLimit(), clock, usage.tokens(workspace, "orch", "orch:" + UUID.randomUUID()));
    }

    private static <T> T answer(Supplier<T> node) {
        try {
            return node.get();
        } catch (NodeFailed failed) {
            if (failed.getCause() instanceof QuotaExceededException over) {
                throw over;
            }
            throw new NodeRejected(failed.code(), failed.getMessage());
        }
    }
}
