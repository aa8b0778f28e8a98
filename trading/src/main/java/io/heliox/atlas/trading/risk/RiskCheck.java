package io.heliox.atlas.trading.risk;

/**
 * What a pre-trade check decided: {@link Allowed} or {@link Denied}, nothing else (sealed), so a
 * caller not handed an allowance holds a denial with its limit, the values and the order.
 */
public sealed interface RiskCheck permits Allowed, Denied {

    default boolean isAllowed() {
        return this instanceof Allowed;
    }
}
