package io.heliox.atlas.trading.venue.book;

import java.util.Objects;

/** A request the book refused: nothing about the book or any order changed. */
public record BookReject(String orderId, BookReason reason, String detail) implements BookEvent {

    public BookReject {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public String code() {
        return reason.code();
    }
}
