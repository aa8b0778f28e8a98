package io.heliox.atlas.trading.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * A person lifted a drawdown halt ({@link ResumeTrading}). The drawdown is measured afresh from the
 * equity at that moment (an {@link EquityPeakSet} follows). A daily loss halt is not lifted: it ends
 * with the trading day.
 */
public record TradingResumed(String principal, String reason, Instant at) implements RiskEvent {

    public TradingResumed {
        ResumeTrading.requireAudited(principal, reason);
        Objects.requireNonNull(at, "at");
    }
}
