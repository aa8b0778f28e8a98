package io.heliox.atlas.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Why a phase failed: the payload of an {@code error} event (contract: orchestrator-event
 * errorPayload). {@code code} is a stable, dotted machine code ({@code budget.tokens_exceeded},
 * {@code run.cancelled}); {@code retryable} says whether the same run could succeed on a retry.
 */
public record PhaseError(String code, String message, boolean retryable) {

    /** The error payload as recorded, members in this order: code, message, retryable. */
    public ObjectNode toPayload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("code", code);
        payload.put("message", message);
        payload.put("retryable", retryable);
        return payload;
    }

    /** The error an {@code error} event's payload records (extra members, such as an llm trace, are not part of it). */
    public static PhaseError of(JsonNode payload) {
        return new PhaseError(payload.path("code").asText(), payload.path("message").asText(),
                payload.path("retryable").asBoolean(false));
    }
}
