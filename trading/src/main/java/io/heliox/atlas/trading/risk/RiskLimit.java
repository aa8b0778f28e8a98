package io.heliox.atlas.trading.risk;

/**
 * Which limit a risk decision is about. Each has a wire code that is part of the API, like
 * {@code order.RejectReason}: clients and the UI branch on it, so a code never changes meaning and is
 * never reused; new limits get new codes.
 */
public enum RiskLimit {
    /** The trading state is HALTED (a risk limit or a kill switch): no new order, no modify. */
    TRADING_HALTED("risk.halted"),
    /** The trading state is REDUCING and the order would not reduce the position (working orders counted). */
    TRADING_REDUCING("risk.reducing"),
    /** The instrument is quoted in another currency than the limits' account currency (no conversion yet). */
    CURRENCY("risk.currency_unsupported"),
    /** The instrument is not in the engine's registry. */
    INSTRUMENT_UNKNOWN("risk.instrument_unknown"),
    /** A limit needs the instrument's mark (last price) and there is none. */
    MARK_MISSING("risk.mark_missing"),
    /** A modify of an order the risk book does not hold as open. */
    ORDER_UNKNOWN("risk.order_unknown"),
    MAX_POSITION("risk.max_position"),
    MAX_GROSS_EXPOSURE("risk.max_gross_exposure"),
    MAX_NET_EXPOSURE("risk.max_net_exposure"),
    MAX_ORDER_NOTIONAL("risk.max_order_notional"),
    MAX_SUBMIT_RATE("risk.max_submit_rate"),
    MAX_MODIFY_RATE("risk.max_modify_rate"),
    MAX_OPEN_ORDERS("risk.max_open_orders"),
    /** A limit or stop price further from the last price than the fat-finger band allows. */
    PRICE_BAND("risk.price_band"),
    DAILY_LOSS("risk.daily_loss"),
    MAX_DRAWDOWN("risk.max_drawdown"),
    MARGIN_CALL("risk.margin_call"),
    MARGIN_CLOSE_OUT("risk.margin_close_out");

    private final String code;

    RiskLimit(String code) {
        this.code = code;
    }

    /** The stable wire code, such as {@code risk.max_position}. */
    public String code() {
        return code;
    }
}
