package io.heliox.atlas.trading.account;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A trade that happened: what the venue reports, and the only thing that changes an account. A fill
 * is not checked against lot or tick (the venue's word is the fact), only for being a trade at all.
 *
 * @param quantity unsigned, positive; the side gives the direction
 * @param price    positive, in {@code currency}
 * @param fee      what the trade cost in {@code currency}; negative for a maker rebate
 * @param currency the instrument's quote currency: cash, fee and P&amp;L of this fill are in it
 */
public record Fill(String clientOrderId, InstrumentId instrumentId, Side side, BigDecimal quantity, BigDecimal price,
                   BigDecimal fee, String currency, Instant time) {

    public Fill {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(time, "time");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill quantity must be positive, was " + quantity);
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("fill price must be positive, was " + price);
        }
    }

    /** The quantity as a position change: positive for a buy, negative for a sell. */
    public BigDecimal signedQuantity() {
        return side.signed(quantity);
    }

    /** What the fill moves out of cash: signed quantity × price + fee (a sale moves cash in). */
    public BigDecimal cashOut() {
        return signedQuantity().multiply(price).add(fee);
    }
}
