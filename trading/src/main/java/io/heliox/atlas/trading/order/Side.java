package io.heliox.atlas.trading.order;

import java.math.BigDecimal;

/** Which way an order or a fill trades. */
public enum Side {
    BUY,
    SELL;

    /** +1 for a buy, −1 for a sell: what a quantity is multiplied by to become a position change. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    /** {@code quantity} as a signed position change: positive for a buy, negative for a sell. */
    public BigDecimal signed(BigDecimal quantity) {
        return this == BUY ? quantity : quantity.negate();
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
