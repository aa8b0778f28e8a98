package io.heliox.atlas.trading.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * The command that halts a scope. Engaging names its principal but asks no reason: in an emergency
 * nothing may stand between the button and the halt (the reason may be empty, never null).
 */
public record EngageKillSwitch(KillScope scope, String principal, String reason, Instant at) {

    public EngageKillSwitch {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("engaging a kill switch names its principal");
        }
    }
}
