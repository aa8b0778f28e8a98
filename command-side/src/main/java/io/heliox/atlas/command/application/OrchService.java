package io.heliox.atlas.command.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.command.orch.ArchitectNode;
import io.heliox.atlas.command.orch.LlmTrace;
import io.heliox.atlas.command.orch.NodeFailed;
import io.heliox.atlas.command.orch.SynthNode;

import java.util.function.Supplier;

/**
 * The architect and synth nodes without a run, for trying a prompt or a blueprint: the very nodes a
 * run calls, answered with their output and the trace of their model calls.
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

    public OrchService(ArchitectNode architect, SynthNode synth) {
        this.architect = architect;
        this.synth = synth;
    }

    public Drafted architect(String prompt, long seed) {
        ArchitectNode.Result result = answer(() -> architect.run(prompt, seed));
        return new Drafted(result.blueprint(), LlmTrace.json(result.calls(), result.injectionFlags(), null));
    }

    public Synthesized synth(JsonNode blueprint, long seed) {
        SynthNode.Result result = answer(() -> synth.run(blueprint, seed));
        return new Synthesized(result.candidates(), LlmTrace.json(result.calls(), result.injectionFlags(),
                result.iterations().stream().map(SynthNode.Iteration::summary).toList()));
    }

    private static <T> T answer(Supplier<T> node) {
        try {
            return node.get();
        } catch (NodeFailed failed) {
            throw new NodeRejected(failed.code(), failed.getMessage());
        }
    }
}
