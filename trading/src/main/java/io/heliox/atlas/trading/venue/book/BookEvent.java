package io.heliox.atlas.trading.venue.book;

/**
 * What one call on the {@link MatchingEngine} caused, in the order it happened: fills, orders resting,
 * stops held and triggered, quantity left unfilled and why, modifies, refusals.
 */
public sealed interface BookEvent permits BookFill, Rested, StopHeld, StopTriggered, Unfilled, Modified, BookReject {

    String orderId();
}
