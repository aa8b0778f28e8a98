package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.llm.LlmReply;

import java.util.List;

/** The {@code llm} object of an artifact (orchestrator-event.schema.json, llmTrace). */
public final class LlmTrace {

    private static final int MAX_ITERATION_TEXT = 4000;

    private LlmTrace() {
    }

    /**
     * @param iterations null when the phase has none (the architect); repair_attempts counts the calls
     *                   of the repair template, the one paid repair round per document
     */
    public static ObjectNode json(List<LlmSession.Call> calls, List<String> injectionFlags, List<String> iterations) {
        ObjectNode trace = JsonNodeFactory.instance.objectNode();
        trace.put("template", calls.get(0).template());
        trace.put("model", calls.get(0).model());
        LlmReply.Usage usage = new LlmReply.Usage(0, 0);
        long latency = 0;
        for (LlmSession.Call call : calls) {
            usage = usage.plus(call.usage());
            latency += call.latencyMs();
        }
        ObjectNode u = trace.putObject("usage");
        u.put("prompt", usage.prompt());
        u.put("completion", usage.completion());
        u.put("total", usage.total());
        ArrayNode each = trace.putArray("calls");
        for (LlmSession.Call call : calls) {
            ObjectNode c = each.addObject();
            c.put("template", call.template());
            c.put("model", call.model());
            c.put("prompt_tokens", call.usage().prompt());
            c.put("completion_tokens", call.usage().completion());
            c.put("latency_ms", call.latencyMs());
            c.put("finish", call.finish().wireName());
        }
        trace.put("repair_attempts", calls.stream().filter(c -> c.template().startsWith("repair@")).count());
        trace.put("latency_ms", latency);
        if (!injectionFlags.isEmpty()) {
            ArrayNode flags = trace.putArray("injection_flags");
            injectionFlags.forEach(flags::add);
        }
        if (iterations != null) {
            ArrayNode its = trace.putArray("iterations");
            iterations.stream().limit(10).forEach(text ->
                    its.add(text.length() > MAX_ITERATION_TEXT ? text.substring(0, MAX_ITERATION_TEXT) : text));
        }
        return trace;
    }
}
