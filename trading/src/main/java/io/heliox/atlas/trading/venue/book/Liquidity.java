package io.heliox.atlas.trading.venue.book;

/** Which side of a trade our order was: it decides fees (a maker may earn a rebate, a taker pays). */
public enum Liquidity {
    /** Our order was resting and the market came to it: filled at its own limit price. */
    MAKER,
    /** Our order arrived and took displayed depth: filled at the depth's price, best first. */
    TAKER
}
