package io.heliox.atlas.trading.corporate;

/**
 * Why a corporate action cancelled an open order. Wire codes are part of the API, like
 * {@link io.heliox.atlas.trading.order.RejectReason}: a code never changes meaning and is never reused.
 */
public enum CorporateReason {
    /** After the split the order's quantity rounds down to less than one lot. */
    SPLIT_QUANTITY_BELOW_LOT("split.quantity_below_lot"),
    /** After the split a limit or stop price rounds (in the passive direction) to zero ticks. */
    SPLIT_PRICE_BELOW_TICK("split.price_below_tick");

    private final String code;

    CorporateReason(String code) {
        this.code = code;
    }

    /** The stable wire code, such as {@code split.quantity_below_lot}. */
    public String code() {
        return code;
    }
}
