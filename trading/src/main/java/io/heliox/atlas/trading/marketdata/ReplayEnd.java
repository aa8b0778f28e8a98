package io.heliox.atlas.trading.marketdata;

/** How a {@link BarReplay} ended (when it failed, its {@code finished()} completes exceptionally instead). */
public enum ReplayEnd {
    /** Every bar up to the last of the series was delivered (the listener returned from the last). */
    END_OF_SERIES,
    /** {@link BarReplay#close()} ended it before the last bar. */
    CLOSED
}
