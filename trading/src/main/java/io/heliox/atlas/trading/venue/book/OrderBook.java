package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An L2 book of one instrument as the paper venue sees it: per price level on each side, the market's
 * displayed depth and our own resting orders. Read here, changed only by its {@link MatchingEngine},
 * which keeps it uncrossed: whenever both sides hold anything, the best bid is below the best ask.
 */
public final class OrderBook {

    private final InstrumentId instrumentId;
    private final BookSide bids = new BookSide(Side.BUY);
    private final BookSide asks = new BookSide(Side.SELL);

    OrderBook(InstrumentId instrumentId) {
        this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
    }

    public InstrumentId instrumentId() {
        return instrumentId;
    }

    BookSide side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /** The best bid, depth or our own orders. */
    public Optional<BigDecimal> bestBid() {
        return bids.best();
    }

    /** The best ask, depth or our own orders. */
    public Optional<BigDecimal> bestAsk() {
        return asks.best();
    }

    /** The best price of the market's displayed depth on a side, our orders left out. */
    public Optional<BigDecimal> bestDepth(Side side) {
        return side(side).bestDepth();
    }

    /** The prices with anything on them, best first. */
    public List<BigDecimal> prices(Side side) {
        return List.copyOf(side(side).levels.keySet());
    }

    /** The market's displayed depth left at a price (0 when none). */
    public BigDecimal depthAt(Side side, BigDecimal price) {
        Level level = side(side).find(price);
        return level == null ? BigDecimal.ZERO : level.depth;
    }

    /** Our orders resting at a price, first in the queue first. */
    public List<BookOrder> restingAt(Side side, BigDecimal price) {
        Level level = side(side).find(price);
        return level == null ? List.of() : level.orders.stream().map(WorkingOrder::view).toList();
    }
}
