package io.heliox.atlas.trading.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A limit's warning tier passed (the daily loss's {@code warn}): said once a day, nothing restricted. */
public record RiskWarning(RiskLimit limit, BigDecimal limitValue, BigDecimal value, Instant at) implements RiskEvent {

    public RiskWarning {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(limitValue, "limitValue");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }
}
