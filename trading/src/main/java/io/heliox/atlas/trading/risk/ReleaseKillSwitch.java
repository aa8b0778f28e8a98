package io.heliox.atlas.trading.risk;

import java.time.Instant;
import java.util.Objects;

/** The explicit, audited command that re-enables a scope: who and why, neither blank. */
public record ReleaseKillSwitch(KillScope scope, String principal, String reason, Instant at) {

    public ReleaseKillSwitch {
        Objects.requireNonNull(scope, "scope");
        ResumeTrading.requireAudited(principal, reason);
        Objects.requireNonNull(at, "at");
    }
}
