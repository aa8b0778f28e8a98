package io.heliox.atlas.api.trading;

import java.time.Instant;
import java.util.UUID;

/**
 * The session took its bar {@code bar} (an input: replaying these rebuilds the session, its paper
 * venue included; what the bar caused follows as its own events).
 *
 * @param barClose when the bar closed, in market time
 * @param at       when the session processed it, in wall time
 */
public record SessionBarProcessedEvent(UUID sessionId, int bar, Instant barClose, Instant at) {
}
