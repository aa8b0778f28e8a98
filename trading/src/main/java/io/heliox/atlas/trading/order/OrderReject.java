package io.heliox.atlas.trading.order;

import java.util.Objects;

/**
 * An order refused, with the reason as a stable code and the detail in words (the numbers that
 * failed, for a person). A reject never changes an account or a position.
 */
public record OrderReject(String clientOrderId, RejectReason reason, String detail) implements OrderCheck {

    public OrderReject {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** The reason's wire code. */
    public String code() {
        return reason.code();
    }
}
