package io.heliox.atlas.trading.venue.book;

/**
 * Why the book refused a request or left quantity unfilled. Each reason has a wire code that is part
 * of the API, like {@link io.heliox.atlas.trading.order.RejectReason}: a code never changes meaning
 * and is never reused.
 */
public enum BookReason {
    /** A market order, an IOC limit or a triggered stop found too little depth (at or better than its limit). */
    BOOK_INSUFFICIENT_DEPTH("book.insufficient_depth"),
    /** A fill-or-kill order could not be filled in full now, so nothing of it was. */
    FOK_NOT_FILLABLE("fok.not_fillable"),
    /** The rest of an order would have traded with, or rested through, one of our own resting orders. */
    SELF_TRADE_PREVENTED("self_trade.prevented"),
    /** Cancelled at the client's request. */
    CANCELLED("order.cancelled"),
    /** Cancel or modify of an order id this book has never seen. */
    ORDER_UNKNOWN("order.unknown"),
    /** Cancel or modify of an order that is no longer working (filled or cancelled). */
    ORDER_NOT_WORKING("order.not_working"),
    /** An order id this book has already seen: an order is never submitted twice. */
    ORDER_DUPLICATE("order.duplicate"),
    /** Not an order the book can work: a quantity not positive, a price its type needs missing or not positive, one it does not take present. */
    ORDER_INVALID("order.invalid"),
    /** An order for another instrument than this book's. */
    INSTRUMENT_MISMATCH("instrument.mismatch"),
    /** A modify to a quantity not above what has already filled. */
    MODIFY_QUANTITY_NOT_ABOVE_FILLED("modify.quantity_not_above_filled");

    private final String code;

    BookReason(String code) {
        this.code = code;
    }

    /** The stable wire code, such as {@code book.insufficient_depth}. */
    public String code() {
        return code;
    }
}
