package io.heliox.atlas.trading.venue.paper;

import io.heliox.atlas.trading.venue.book.Liquidity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a fill costs, in basis points of its notional, by liquidity: a maker (our resting order was
 * hit) usually pays less than a taker, and may be paid (a negative rate is a rebate). Exact: the fee
 * is quantity × price × bps / 10,000 with no rounding, as the account books it.
 */
public record FeeSchedule(BigDecimal makerBps, BigDecimal takerBps) {

    public static final FeeSchedule NONE = new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO);

    public FeeSchedule {
        Objects.requireNonNull(makerBps, "makerBps");
        Objects.requireNonNull(takerBps, "takerBps");
        if (takerBps.signum() < 0) {
            throw new IllegalArgumentException("a taker fee cannot be a rebate: " + takerBps);
        }
    }

    public static FeeSchedule of(String makerBps, String takerBps) {
        return new FeeSchedule(new BigDecimal(makerBps), new BigDecimal(takerBps));
    }

    public BigDecimal fee(BigDecimal quantity, BigDecimal price, Liquidity liquidity) {
        BigDecimal bps = liquidity == Liquidity.MAKER ? makerBps : takerBps;
        return quantity.multiply(price).multiply(bps).movePointLeft(4);
    }
}
