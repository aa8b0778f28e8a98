package io.heliox.atlas.trading.calendar;

/**
 * The state of a market at one instant. Only {@link #OPEN} is the regular session, where market
 * orders fill; the extended sessions exist for US equities only.
 */
public enum Session {
    /** The regular session. */
    OPEN,
    /** Before the regular session (US equities, 04:00–09:30 New York). */
    PRE_MARKET,
    /** After the regular session (US equities, until 20:00 New York, 17:00 on an early close). */
    AFTER_HOURS,
    /** No trading at all. */
    CLOSED
}
