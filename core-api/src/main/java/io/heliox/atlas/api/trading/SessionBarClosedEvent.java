package io.heliox.atlas.api.trading;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The session's account at a bar's close, after the strategy's decision: the equity curve's point.
 *
 * @param signal   the strategy's decision ({@code buy}, {@code sell}, {@code close}, {@code hold}, {@code none})
 * @param equity   cash plus the position marked at the close, exact
 * @param position the signed position
 * @param state    the state the session trades in: {@code active}, {@code reducing}, {@code halted}
 * @param risk     each risk limit's usage at the close ({@code {at, state, equity, marginUsed,
 *                 marginAvailable, limits: [{code, scope, limit, used, exceeded}]}}, decimals as
 *                 strings); null in events recorded before it was
 */
public record SessionBarClosedEvent(UUID sessionId, int bar, Instant barClose, double close, String signal,
                                    BigDecimal equity, BigDecimal position, String state, JsonNode risk, Instant at) {
}
