package io.heliox.atlas.api.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A run's budgets as they stood at one of its events (contract: orchestrator-event budgetSnapshot).
 * Derived from the log, not stored twice: tokens are the sum of the {@code llm.usage.total} of the
 * run's payloads up to and including the event, time is the event's instant minus the run's.
 */
public record BudgetSnapshot(long tokensUsed, long tokensLimit, long timeMsUsed, long timeMsLimit) {

    /** The tokens a phase payload records having spent (0 for payloads without an {@code llm} trace). */
    public static long tokensIn(JsonNode payload) {
        return payload == null ? 0 : payload.path("llm").path("usage").path("total").asLong(0);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("tokensUsed", tokensUsed);
        node.put("tokensLimit", tokensLimit);
        node.put("timeMsUsed", timeMsUsed);
        node.put("timeMsLimit", timeMsLimit);
        return node;
    }
}
