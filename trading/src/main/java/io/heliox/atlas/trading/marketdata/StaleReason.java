package io.heliox.atlas.trading.marketdata;

/**
 * Why prices are not fresh enough to trade on. Each has a wire code that is part of the API, as
 * {@code risk.RiskLimit}'s do: a code never changes meaning and is never reused.
 */
public enum StaleReason {
    /** The feed sent nothing at all, price or heartbeat, within the instrument's max age. */
    FEED_SILENT("marketdata.feed_silent"),
    /** The feed is alive but no price of the instrument ever arrived. */
    NO_PRICE("marketdata.no_price"),
    /** The feed is alive but the instrument's last price is older than its max age. */
    STALE("marketdata.stale");

    private final String code;

    StaleReason(String code) {
        this.code = code;
    }

    /** The stable wire code, such as {@code marketdata.stale}. */
    public String code() {
        return code;
    }
}
