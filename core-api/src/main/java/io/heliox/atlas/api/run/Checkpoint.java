package io.heliox.atlas.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A completed sub-step of a phase, carried by a status event's payload as
 * {@code checkpoint: {step, n, state}}: {@code architect.parse_req}, {@code architect.llm_call},
 * {@code synth.prepare_blueprint}, {@code synth.llm_iter} (n = 1, 2, …), {@code t0.candidate} (n = the
 * candidate, its backtests as the state). {@code state} is what the
 * next sub-step needs (a model's reply, for one), so a worker that restarts after a crash goes on
 * from the last checkpoint without paying for a call again. The artifact is the phase's last
 * sub-step ({@code emit_artifact}, {@code emit_candidates}).
 */
public record Checkpoint(String step, int n, JsonNode state) {

    /** The status-event key the run deduplicates on: {@code step#n}, or {@code status} for a plain status. */
    public static String keyOf(JsonNode statusPayload) {
        JsonNode checkpoint = statusPayload == null ? null : statusPayload.get("checkpoint");
        if (checkpoint == null || !checkpoint.isObject()) {
            return "status";
        }
        return checkpoint.path("step").asText() + "#" + checkpoint.path("n").asInt(1);
    }

    /** The checkpoint of a status payload, or null for a plain status. */
    public static Checkpoint of(JsonNode statusPayload) {
        JsonNode checkpoint = statusPayload == null ? null : statusPayload.get("checkpoint");
        if (checkpoint == null || !checkpoint.isObject()) {
            return null;
        }
        return new Checkpoint(checkpoint.path("step").asText(), checkpoint.path("n").asInt(1), checkpoint.path("state"));
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("step", step);
        node.put("n", n);
        node.set("state", state);
        return node;
    }
}
