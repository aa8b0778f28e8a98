package io.heliox.atlas.trading.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The session's equity peak, which drawdown is measured from: a new high, or reset when trading resumes. */
public record EquityPeakSet(BigDecimal peak, Instant at) implements RiskEvent {

    public EquityPeakSet {
        Objects.requireNonNull(peak, "peak");
        Objects.requireNonNull(at, "at");
    }
}
