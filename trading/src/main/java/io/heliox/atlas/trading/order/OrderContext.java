package io.heliox.atlas.trading.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What an order is checked against besides its instrument: the moment, the account's trading state,
 * its current position, the client order ids it has seen, and the last traded price.
 *
 * <p>The position is its signed net quantity, not the account's {@code Position}: the order package
 * stays below the account package (accounts book fills of orders, orders know nothing of accounts).
 *
 * @param positionQuantity   signed net quantity held in the order's instrument (0 when flat)
 * @param seenClientOrderIds every client order id this account has used, accepted or rejected; read,
 *                           never copied or changed (it grows with the account)
 * @param lastPrice          the last price of the instrument, or null when none is known: a market
 *                           order's notional is checked against it
 */
public record OrderContext(Instant at, TradingState state, BigDecimal positionQuantity,
                           Set<String> seenClientOrderIds, BigDecimal lastPrice) {

    public OrderContext {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(positionQuantity, "positionQuantity");
        Objects.requireNonNull(seenClientOrderIds, "seenClientOrderIds");
    }
}
