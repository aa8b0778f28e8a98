package io.heliox.atlas.trading.risk;

import java.time.Instant;
import java.util.Objects;

/** A kill switch went off, by whom and why. Sessions under it trade again unless another switch or their own state halts them. */
public record KillSwitchReleased(KillScope scope, String principal, String reason, Instant at) {

    public KillSwitchReleased {
        Objects.requireNonNull(scope, "scope");
        ResumeTrading.requireAudited(principal, reason);
        Objects.requireNonNull(at, "at");
    }
}
