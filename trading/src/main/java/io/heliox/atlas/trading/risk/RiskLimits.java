package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The limits of one scope (an account, or a session on it): a session's orders are checked against
 * the session's limits and against its account's, each by its own {@link RiskEngine}. A limit is the
 * largest value allowed: an order that reaches it exactly passes, one that goes past it is denied.
 * A null limit is no limit, except the order rates, whose default ({@link #defaults}) is
 * {@link RateLimit#DEFAULT}, 100 submits and 100 modifies a second.
 *
 * <p>Amounts are in {@code currency}, the account currency. There is no currency conversion yet
 * (as in {@code account.Account}), so a scope's engine denies orders in instruments quoted in another
 * currency ({@code risk.currency_unsupported}) rather than add apples to pears.
 *
 * @param maxPosition      per instrument, the largest absolute net quantity, working orders counted
 *                         (an instrument not in the map has no limit)
 * @param maxGrossExposure Σ |quantity| × mark over instruments, working orders counted
 * @param maxNetExposure   |Σ signed quantity × mark|, working orders counted
 * @param maxOrderNotional one order's quantity × its price (limit, stop, or mark for a market order)
 * @param submitRate       new orders allowed in any window
 * @param modifyRate       modifies allowed in any window
 * @param maxOpenOrders    working orders at once, the new one included
 * @param dailyLoss        loss tiers of the trading day
 * @param maxDrawdown      the largest fall from the session's equity peak, as a fraction of the peak
 *                         in (0, 1): beyond it trading is HALTED until a person resumes it
 * @param margin           margin call and close-out levels
 * @param priceBandPercent fat-finger band: a limit or stop price at most this many percent from the mark
 */
public record RiskLimits(String currency, Map<InstrumentId, BigDecimal> maxPosition, BigDecimal maxGrossExposure,
                         BigDecimal maxNetExposure, BigDecimal maxOrderNotional, RateLimit submitRate,
                         RateLimit modifyRate, Integer maxOpenOrders, DailyLossLimit dailyLoss,
                         BigDecimal maxDrawdown, MarginLimit margin, BigDecimal priceBandPercent) {

    public RiskLimits {
        Objects.requireNonNull(currency, "currency");
        if (currency.isBlank()) {
            throw new IllegalArgumentException("the limits' currency must not be blank");
        }
        maxPosition = Map.copyOf(maxPosition);
        maxPosition.forEach((id, max) -> positive("max position of " + id, max));
        nonNegative("max gross exposure", maxGrossExposure);
        nonNegative("max net exposure", maxNetExposure);
        positive("max order notional", maxOrderNotional);
        if (maxOpenOrders != null && maxOpenOrders < 0) {
            throw new IllegalArgumentException("max open orders must not be negative, was " + maxOpenOrders);
        }
        if (maxDrawdown != null && (maxDrawdown.signum() <= 0 || maxDrawdown.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("max drawdown is a fraction of the peak in (0, 1), was " + maxDrawdown);
        }
        positive("price band percent", priceBandPercent);
    }

    /** No limit but the default order rates. */
    public static RiskLimits defaults(String currency) {
        return new RiskLimits(currency, Map.of(), null, null, null, RateLimit.DEFAULT, RateLimit.DEFAULT, null, null,
                null, null, null);
    }

    /** No limit at all, not even the order rates. */
    public static RiskLimits unlimited(String currency) {
        return new RiskLimits(currency, Map.of(), null, null, null, null, null, null, null, null, null, null);
    }

    public RiskLimits withMaxPosition(InstrumentId id, BigDecimal max) {
        Map<InstrumentId, BigDecimal> positions = new HashMap<>(maxPosition);
        positions.put(id, max);
        return new RiskLimits(currency, positions, maxGrossExposure, maxNetExposure, maxOrderNotional, submitRate,
                modifyRate, maxOpenOrders, dailyLoss, maxDrawdown, margin, priceBandPercent);
    }

    public RiskLimits withMaxGrossExposure(BigDecimal max) {
        return new RiskLimits(currency, maxPosition, max, maxNetExposure, maxOrderNotional, submitRate, modifyRate,
                maxOpenOrders, dailyLoss, maxDrawdown, margin, priceBandPercent);
    }

    public RiskLimits withMaxNetExposure(BigDecimal max) {
        return new RiskLimits(currency, maxPosition, maxGrossExposure, max, maxOrderNotional, submitRate, modifyRate,
                maxOpenOrders, dailyLoss, maxDrawdown, margin, priceBandPercent);
    }

    public RiskLimits withMaxOrderNotional(BigDecimal max) {
        return new RiskLimits(currency, maxPosition, maxGrossExposure, maxNetExposure, max, submitRate, modifyRate,
                maxOpenOrders, dailyLoss, maxDrawdown, margin, priceBandPercent);
    }

    public RiskLimits withRates(RateLimit submits, RateLimit modifies) {
        return new RiskLimits(currency, maxPosition, maxGrossExposure, maxNetExposure, maxOrderNotional, submits,
                modifies, maxOpenOrders, dailyLoss, maxDrawdown, margin, priceBandPercent);
    }

    public RiskLimits withMaxOpenOrders(Integer max) {
        return new RiskLimits(currency, maxPosition, maxGrossExposure, maxNetExposure, maxOrderNotional, submitRate,
                modifyRate, max, dailyLoss, maxDrawdown, margin, priceBandPercent);
    }

    public RiskLimits withDailyLoss(DailyLossLimit tiers) {
        return new RiskLimits(currency, maxPosition, maxGrossExposure, maxNetExposure, maxOrderNotional, submitRate,
                modifyRate, maxOpenOrders, tiers, maxDrawdown, margin, priceBandPercent);
    }

    public RiskLimits withMaxDrawdown(BigDecimal fraction) {
        return new RiskLimits(currency, maxPosition, maxGrossExposure, maxNetExposure, maxOrderNotional, submitRate,
                modifyRate, maxOpenOrders, dailyLoss, fraction, margin, priceBandPercent);
    }

    public RiskLimits withMargin(MarginLimit levels) {
        return new RiskLimits(currency, maxPosition, maxGrossExposure, maxNetExposure, maxOrderNotional, submitRate,
                modifyRate, maxOpenOrders, dailyLoss, maxDrawdown, levels, priceBandPercent);
    }

    public RiskLimits withPriceBandPercent(BigDecimal percent) {
        return new RiskLimits(currency, maxPosition, maxGrossExposure, maxNetExposure, maxOrderNotional, submitRate,
                modifyRate, maxOpenOrders, dailyLoss, maxDrawdown, margin, percent);
    }

    private static void positive(String name, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void nonNegative(String name, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
