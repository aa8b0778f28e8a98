package io.heliox.atlas.query.trading;

import java.math.BigDecimal;
import java.time.Instant;

/** One of a paper session's orders as {@code paper_session_orders} has it. Prices, average and reason may be null. */
public record SessionOrderView(String clientOrderId, String side, String type, BigDecimal quantity, BigDecimal limitPrice,
                               BigDecimal stopPrice, String timeInForce, boolean reduceOnly, String status,
                               BigDecimal filledQuantity, BigDecimal averagePrice, String reasonCode,
                               String reasonDetail, int bar, Instant submittedAt, Instant updatedAt) {

    /** Whether the venue may still fill it. */
    public boolean open() {
        return status.equals("submitted") || status.equals("working") || status.equals("partially_filled");
    }
}
