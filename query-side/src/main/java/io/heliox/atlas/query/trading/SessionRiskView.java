package io.heliox.atlas.query.trading;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A paper session's risk: the state it trades in, its limits as in force (the settings' {@code risk}
 * document; absent limits are off, the order rates default to 100 a second) and each set limit's
 * usage at the last bar or change ({@code null} before the first bar).
 */
public record SessionRiskView(String status, String state, JsonNode limits, JsonNode usage) {
}
