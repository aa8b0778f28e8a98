package io.heliox.atlas.trading.risk;

import java.time.Instant;
import java.util.Objects;

/** A kill switch went on: every session under its scope is HALTED until it is released. */
public record KillSwitchEngaged(KillScope scope, String principal, String reason, Instant at) {

    public KillSwitchEngaged {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
