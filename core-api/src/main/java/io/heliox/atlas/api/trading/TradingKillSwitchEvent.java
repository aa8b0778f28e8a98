package io.heliox.atlas.api.trading;

import java.time.Instant;
import java.util.UUID;

/**
 * An account's ({@code scope} "account") or the global ({@code scope} "global", {@code accountId}
 * null) kill switch was engaged or released, by whom and why. Every running session under it follows
 * ({@link ApplyKillSwitchToSessionCommand}), and sessions started while it is engaged start halted.
 */
public record TradingKillSwitchEvent(UUID switchId, String scope, String accountId, boolean engaged, String principal,
                                     String reason, Instant at) {
}
