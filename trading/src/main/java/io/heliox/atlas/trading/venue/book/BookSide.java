package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bids or the asks: levels by price, best first (bids highest first, asks lowest first), so
 * walking the map is walking the side from the touch outwards. A level with neither depth nor orders
 * is removed at once, so the first level is always the side's best price.
 */
final class BookSide {

    final Side side;
    final TreeMap<BigDecimal, Level> levels;

    BookSide(Side side) {
        this.side = side;
        this.levels = new TreeMap<>(side == Side.BUY ? Comparator.<BigDecimal>reverseOrder()
                : Comparator.<BigDecimal>naturalOrder());
    }

    Level levelAt(BigDecimal price) {
        return levels.computeIfAbsent(price, Level::new);
    }

    Level find(BigDecimal price) {
        return levels.get(price);
    }

    void prune(Level level) {
        if (level.isEmpty()) {
            levels.remove(level.price);
        }
    }

    /** The best price with anything on it: depth or our orders. */
    Optional<BigDecimal> best() {
        return levels.isEmpty() ? Optional.empty() : Optional.of(levels.firstKey());
    }

    /** The best price with market depth on it, ignoring our own orders (what stops are triggered by). */
    Optional<BigDecimal> bestDepth() {
        return levels.values().stream().filter(Level::hasDepth).map(l -> l.price).findFirst();
    }

    /**
     * Whether {@code price} on this side is at or better than {@code limit} for an order of the other
     * side that takes it: a buy takes asks at or below its limit, a sell takes bids at or above.
     */
    boolean reachable(BigDecimal price, BigDecimal limit) {
        return limit == null || (side == Side.SELL ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0);
    }
}
