package io.heliox.atlas.query.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A paper session's position in one instrument as the venue booked it, with the last bar's close as
 * its mark ({@code markPrice} null before any bar closed after it opened).
 */
public record SessionPositionView(String instrument, BigDecimal quantity, BigDecimal averagePrice, BigDecimal realised,
                                  BigDecimal fees, BigDecimal cash, BigDecimal markPrice, Instant updatedAt) {

    /** What the open quantity gains at the mark: quantity × (mark − average price); null without a mark. */
    public BigDecimal unrealised() {
        return markPrice == null ? null : quantity.multiply(markPrice.subtract(averagePrice));
    }
}
