package io.heliox.atlas.trading.venue.book;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Quantity of an order that will never fill, and why: the order is done (cancelled) with what it
 * filled before. Every order that ends short of its quantity ends with exactly one of these.
 *
 * @param quantity what was left unfilled (the whole order for a fill-or-kill that could not fill)
 */
public record Unfilled(String orderId, BigDecimal quantity, BookReason reason, String detail) implements BookEvent {

    public Unfilled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public String code() {
        return reason.code();
    }
}
