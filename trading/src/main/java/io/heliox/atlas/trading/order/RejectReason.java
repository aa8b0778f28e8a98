package io.heliox.atlas.trading.order;

/**
 * Why an order was refused. Each reason has a wire code that is part of the API: clients branch on
 * it, so a code never changes meaning and is never reused; new reasons get new codes.
 */
public enum RejectReason {
    QUANTITY_NOT_POSITIVE("quantity.not_positive"),
    QUANTITY_BELOW_LOT("quantity.below_lot"),
    QUANTITY_NOT_LOT_MULTIPLE("quantity.not_lot_multiple"),
    NOTIONAL_BELOW_MINIMUM("notional.below_minimum"),
    PRICE_OFF_TICK("price.off_tick"),
    PRICE_NOT_POSITIVE("price.not_positive"),
    /** A price the order type needs is absent, or a market order's notional has no last price to be checked against. */
    PRICE_MISSING("price.missing"),
    /** A price the order type does not take is present (a limit on a market order, a stop on a limit order). */
    PRICE_UNEXPECTED("price.unexpected"),
    INSTRUMENT_UNKNOWN("instrument.unknown"),
    CLIENT_ORDER_ID_DUPLICATE("client_order_id.duplicate"),
    CLIENT_ORDER_ID_BLANK("client_order_id.blank"),
    MARKET_CLOSED("market.closed"),
    REDUCE_ONLY_WOULD_INCREASE("reduce_only.would_increase"),
    /** The account is {@link TradingState#REDUCING} and the order would not reduce its position. */
    TRADING_REDUCING("trading.reducing"),
    TRADING_HALTED("trading.halted");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The stable wire code, such as {@code price.off_tick}. */
    public String code() {
        return code;
    }
}
