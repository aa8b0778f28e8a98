package io.heliox.atlas.api.trading;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to one of the session's orders, on bar {@code bar}: {@code submitted} (it passed
 * the risk engine), {@code risk_denied} (it did not: the limit's code, value and what the order would
 * have made), {@code acknowledged}, {@code rejected}, {@code filled} (partly or in full:
 * {@code detail.leaves}), {@code modified} or {@code closed} (ended unfilled, with a reason code).
 *
 * @param detail the kind's fields (the order, the fill, the code and its words), snake_case
 */
public record SessionOrderEvent(UUID sessionId, int bar, String kind, String clientOrderId, JsonNode detail,
                                Instant at) {
}
