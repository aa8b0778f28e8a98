package io.heliox.atlas.trading.order;

/** How long an order stays working. */
public enum TimeInForce {
    /** Good till cancelled: works across sessions; placed while the market is closed, it waits for the open. */
    GTC,
    /** Immediate or cancel: fills what it can now, the rest is cancelled. */
    IOC,
    /** Fill or kill: fills in full now, or not at all. */
    FOK,
    /** For the current session only: cancelled at its close. */
    DAY;

    /** Whether an order with this time in force may be accepted while the market is closed and held until it opens. */
    public boolean mayWaitForOpen() {
        return this == GTC;
    }
}
