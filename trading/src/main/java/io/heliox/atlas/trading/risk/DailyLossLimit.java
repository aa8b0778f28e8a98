package io.heliox.atlas.trading.risk;

import java.math.BigDecimal;

/**
 * The day's loss tiers, as positive amounts of the account currency lost since the trading day's
 * start equity ({@link TradingDay}). A loss above {@code warn} warns once a day; above {@code reduce}
 * the state is REDUCING; above {@code halt} it is HALTED. Each tier is sticky until the day rolls:
 * a loss that recovers intraday does not re-open the door it closed (a desk's daily stop works so,
 * and it keeps a choppy P&amp;L from flapping the state). Absent tiers are skipped; at least one is set.
 */
public record DailyLossLimit(BigDecimal warn, BigDecimal reduce, BigDecimal halt) {

    public DailyLossLimit {
        if (warn == null && reduce == null && halt == null) {
            throw new IllegalArgumentException("a daily loss limit needs at least one tier");
        }
        BigDecimal previous = null;
        for (BigDecimal tier : new BigDecimal[] {warn, reduce, halt}) {
            if (tier == null) {
                continue;
            }
            if (tier.signum() <= 0) {
                throw new IllegalArgumentException("a daily loss tier is a positive amount, was " + tier);
            }
            if (previous != null && tier.compareTo(previous) < 0) {
                throw new IllegalArgumentException("daily loss tiers must not decrease: warn ≤ reduce ≤ halt, got "
                        + warn + " / " + reduce + " / " + halt);
            }
            previous = tier;
        }
    }
}
