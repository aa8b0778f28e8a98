package io.heliox.atlas.api.trading;

import java.time.Instant;
import java.util.UUID;

/**
 * The session's kill switch was engaged ({@code engaged} true) or released, by whom and why (an
 * input: replaying it halts or frees the rebuilt session at the same point).
 */
public record SessionKillSwitchEvent(UUID sessionId, boolean engaged, String principal, String reason, Instant at) {
}
