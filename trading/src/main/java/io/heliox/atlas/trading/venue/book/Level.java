package io.heliox.atlas.trading.venue.book;

import java.math.BigDecimal;
import java.util.ArrayDeque;

/**
 * One price on one side: the market's displayed depth there (what the feed last said, less what our
 * orders took since) and our own resting orders, first come first served. The two are kept apart:
 * depth is other people's orders, whose queue we do not know, so it is a quantity, not orders.
 */
final class Level {

    final BigDecimal price;
    BigDecimal depth = BigDecimal.ZERO;
    final ArrayDeque<WorkingOrder> orders = new ArrayDeque<>();

    Level(BigDecimal price) {
        this.price = price;
    }

    boolean hasDepth() {
        return depth.signum() > 0;
    }

    boolean isEmpty() {
        return !hasDepth() && orders.isEmpty();
    }
}
