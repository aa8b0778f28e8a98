package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The working orders of one scope, with what they may still buy and sell per instrument kept summed,
 * so a pre-trade check reads two numbers per instrument instead of walking every order.
 *
 * <p>Mutable, like the venue's {@code MatchingEngine}: it is working state that its owner (a session
 * aggregate) changes as it applies its events (an order accepted, filled, modified, ended) and
 * rebuilds by replaying them. {@link RiskEngine} only reads it. Insertion-ordered, so a list of
 * orders to cancel comes out the same on every replay.
 */
public final class OpenOrders {

    /** What the working orders of one instrument may still buy and sell, summed. */
    private static final class Working {
        BigDecimal buying = BigDecimal.ZERO;
        BigDecimal selling = BigDecimal.ZERO;

        void add(Side side, BigDecimal quantity) {
            if (side == Side.BUY) {
                buying = buying.add(quantity);
            } else {
                selling = selling.add(quantity);
            }
        }
    }

    private final Map<String, OpenOrder> byId = new LinkedHashMap<>();
    private final Map<InstrumentId, Working> byInstrument = new HashMap<>();

    public OpenOrders() {
    }

    public static OpenOrders of(Collection<OpenOrder> orders) {
        OpenOrders open = new OpenOrders();
        orders.forEach(open::add);
        return open;
    }

    /** A new working order; an id already working is a mistake of the caller's. */
    public void add(OpenOrder order) {
        if (byId.putIfAbsent(order.orderId(), order) != null) {
            throw new IllegalArgumentException("order already open: " + order.orderId());
        }
        byInstrument.computeIfAbsent(order.instrumentId(), id -> new Working()).add(order.side(), order.remaining());
    }

    /** Part or all of an open order filled; filled in full, it is no longer open. */
    public void fill(String orderId, BigDecimal quantity) {
        OpenOrder order = require(orderId);
        BigDecimal filled = order.filled().add(quantity);
        if (quantity.signum() <= 0 || filled.compareTo(order.quantity()) > 0) {
            throw new IllegalArgumentException(orderId + ": a fill of " + quantity + " on " + order.remaining()
                    + " remaining");
        }
        byInstrument.get(order.instrumentId()).add(order.side(), quantity.negate());
        if (filled.compareTo(order.quantity()) == 0) {
            byId.remove(orderId);
        } else {
            byId.put(orderId, new OpenOrder(orderId, order.instrumentId(), order.side(), order.type(),
                    order.timeInForce(), order.quantity(), filled, order.limitPrice(), order.stopPrice()));
        }
    }

    /** An open order ended without filling further (cancelled, expired, its remainder unfilled). */
    public void remove(String orderId) {
        OpenOrder order = require(orderId);
        byId.remove(orderId);
        byInstrument.get(order.instrumentId()).add(order.side(), order.remaining().negate());
    }

    /** An open order modified: its new total quantity and prices (null keeps a price), what filled kept. */
    public void modify(String orderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
        OpenOrder order = require(orderId);
        OpenOrder modified = new OpenOrder(orderId, order.instrumentId(), order.side(), order.type(),
                order.timeInForce(), quantity, order.filled(), limitPrice != null ? limitPrice : order.limitPrice(),
                stopPrice != null ? stopPrice : order.stopPrice());
        Working working = byInstrument.get(order.instrumentId());
        working.add(order.side(), order.remaining().negate());
        working.add(order.side(), modified.remaining());
        byId.put(orderId, modified);
    }

    public Optional<OpenOrder> find(String orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    public int count() {
        return byId.size();
    }

    /** The open orders' ids, oldest first. */
    public List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }

    public Collection<OpenOrder> all() {
        return java.util.Collections.unmodifiableCollection(byId.values());
    }

    /** What the open orders of an instrument may still buy (0 when none). */
    public BigDecimal buying(InstrumentId id) {
        Working working = byInstrument.get(id);
        return working == null ? BigDecimal.ZERO : working.buying;
    }

    /** What the open orders of an instrument may still sell (0 when none). */
    public BigDecimal selling(InstrumentId id) {
        Working working = byInstrument.get(id);
        return working == null ? BigDecimal.ZERO : working.selling;
    }

    /** Every instrument that has, or has had, open orders (their sums may be 0). */
    public java.util.Set<InstrumentId> instruments() {
        return java.util.Collections.unmodifiableSet(byInstrument.keySet());
    }

    private OpenOrder require(String orderId) {
        OpenOrder order = byId.get(Objects.requireNonNull(orderId, "orderId"));
        if (order == null) {
            throw new IllegalArgumentException("no open order " + orderId);
        }
        return order;
    }
}
