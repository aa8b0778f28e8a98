package io.heliox.atlas.api.trading;

import java.time.Instant;
import java.util.UUID;

/**
 * The session ended: stopped by a person ({@code principal}), or by the end of its market data
 * ({@code principal} "system", reason {@code market_data.ended}).
 */
public record PaperSessionStoppedEvent(UUID sessionId, String principal, String reason, Instant at) {
}
