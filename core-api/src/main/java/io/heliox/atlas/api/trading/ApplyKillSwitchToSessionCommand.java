package io.heliox.atlas.api.trading;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * An account's or the global kill switch, engaged or released, reaching one of its sessions. Sent by
 * the system (the switch's fan-out, or a deploy under an engaged switch), not by people; applying it
 * twice changes nothing.
 */
public record ApplyKillSwitchToSessionCommand(@TargetAggregateIdentifier UUID sessionId, String scope, boolean engaged,
                                              String principal, String reason, Instant at) {
}
