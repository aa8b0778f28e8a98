package io.heliox.atlas.trading.risk;

import java.time.Instant;
import java.util.Objects;

/** A monitored limit is back within its value (a margin level recovered): it demands nothing any more. */
public record LimitCleared(RiskLimit limit, Instant at) implements RiskEvent {

    public LimitCleared {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(at, "at");
    }
}
