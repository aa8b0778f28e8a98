package io.heliox.atlas.api.trading;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * The session's next bar has closed: let the venue, the strategy and the risk engine act on it. Sent
 * by the session's feed, not by people. A bar already processed is a no-op (a resend after a crash
 * never trades twice); a bar out of order is refused.
 */
public record ProcessSessionBarCommand(@TargetAggregateIdentifier UUID sessionId, int bar, Instant at) {
}
