package io.heliox.atlas.trading.execution;

import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.venue.book.Liquidity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Some or all of the order traded.
 *
 * @param leaves     what is still working after this fill (zero: the order is done)
 * @param slippage   how far the fill price is from the price the fill model started from (the bar's
 *                   close or open, the stop, the best quote), per unit, in the instrument's currency,
 *                   never negative: what the order paid for trading now
 * @param liquidity  maker (our order rested and was hit) or taker (it took the market's price)
 */
public record OrderFilled(String clientOrderId, Fill fill, BigDecimal leaves, BigDecimal slippage, Liquidity liquidity,
                          Instant time) implements ExecutionReport {

    public OrderFilled {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(leaves, "leaves");
        Objects.requireNonNull(slippage, "slippage");
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(time, "time");
        if (leaves.signum() < 0) {
            throw new IllegalArgumentException("leaves must not be negative, was " + leaves);
        }
    }

    public boolean isComplete() {
        return leaves.signum() == 0;
    }
}
