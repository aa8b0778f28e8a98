package io.heliox.atlas.trading.order;

/**
 * What the risk side allows an account to do, checked before anything else about an order's terms
 * but after its identity: a kill switch ({@link #HALTED}) and a wind-down ({@link #REDUCING}).
 */
public enum TradingState {
    /** Every valid order is accepted. */
    ACTIVE,
    /** Only orders that reduce the position: the opposite side, no more than the position's size. */
    REDUCING,
    /** No new order at all. */
    HALTED
}
