package io.heliox.atlas.trading.venue.book;

/** Where an order the book has accepted stands. */
public enum BookOrderStatus {
    /** A stop or stop-limit in the stop list, not yet triggered. */
    STOP_PENDING,
    /** A limit order (or a triggered stop-limit) resting on the book, maybe partly filled. */
    RESTING,
    /** Filled in full. */
    FILLED,
    /** Done short of its quantity: an {@link Unfilled} says why. */
    CANCELLED;

    public boolean isWorking() {
        return this == STOP_PENDING || this == RESTING;
    }
}
