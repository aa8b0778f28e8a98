package io.heliox.atlas.api.trading;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What the session's risk monitoring recorded on bar {@code bar}: {@code trading_day_started},
 * {@code equity_peak_set}, {@code warning}, {@code limit_breached}, {@code limit_cleared},
 * {@code risk_state_changed}, {@code cancel_orders_requested}, {@code close_out_requested},
 * {@code trading_resumed}; and {@code state_changed} when the state it trades in changed (its risk
 * state with every kill switch over it): {@code detail.from}, {@code detail.to}.
 */
public record SessionRiskEvent(UUID sessionId, int bar, String kind, JsonNode detail, Instant at) {
}
