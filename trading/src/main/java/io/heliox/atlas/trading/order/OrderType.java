package io.heliox.atlas.trading.order;

/**
 * How an order meets the market. The prices each type carries are checked by {@link OrderValidator};
 * where a resting order fills is the engine's {@code FillRules}, which the paper venue will share.
 */
public enum OrderType {
    /** At the market's price, now: no limit, no stop. */
    MARKET,
    /** At the limit or better: a limit price, no stop. */
    LIMIT,
    /** A market order once the market trades through the stop: a stop price, no limit. */
    STOP,
    /** A limit order once the market trades through the stop: both prices. */
    STOP_LIMIT;

    public boolean needsLimitPrice() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    public boolean needsStopPrice() {
        return this == STOP || this == STOP_LIMIT;
    }

    /** Every type but market can wait for its price, so only market orders need a price now. */
    public boolean rests() {
        return this != MARKET;
    }
}
