package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.order.TradingState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A monitored limit went past its value and now demands a trading state until it is cleared.
 *
 * @param limitValue the limit (an amount, a fraction of the peak, a margin level)
 * @param value      what was observed (the day's loss, the drawdown as a fraction of the peak, the margin level)
 */
public record LimitBreached(RiskLimit limit, TradingState demands, BigDecimal limitValue, BigDecimal value,
                            Instant at) implements RiskEvent {

    public LimitBreached {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(demands, "demands");
        Objects.requireNonNull(limitValue, "limitValue");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
        if (demands == TradingState.ACTIVE) {
            throw new IllegalArgumentException("a breach demands REDUCING or HALTED");
        }
    }
}
