package io.heliox.atlas.trading.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One set limit beside what its scope uses of it now, for a person to read ("risk state and limits
 * with their usage"). {@code limit} and {@code used} are in the limit's own unit (see
 * {@link RiskUsage#measure} for each code), so {@code limit − used} is the headroom, except for the
 * margin levels, where the level must stay at or above the limit.
 *
 * @param code     the limit's wire code, the one its denials and breaches carry ({@link RiskLimit#code()})
 * @param scope    what part of the limit this is, when it has parts: the instrument of a max position,
 *                 the tier of the daily loss ({@code warn}, {@code reduce}, {@code halt}), the window of
 *                 an order rate ({@code PT1S}); null otherwise
 * @param limit    the limit's value
 * @param used     what is used of it now; null when there is nothing standing to measure (the per-order
 *                 notional and price band, a margin level with no margin used) or a mark is missing
 * @param exceeded whether {@code used} is past the limit as the engine compares them (a limit reached
 *                 exactly is not exceeded); after a limit is lowered below what is in use it is, and only
 *                 orders that reduce the usage pass
 */
public record LimitUsage(String code, String scope, BigDecimal limit, BigDecimal used, boolean exceeded) {

    public LimitUsage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(limit, "limit");
    }
}
