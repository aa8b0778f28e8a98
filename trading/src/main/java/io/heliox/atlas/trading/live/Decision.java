package io.heliox.atlas.trading.live;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The runner's answer to one bar: the strategy's signal at that bar's close.
 *
 * @param bar      the bar's number in the session, from 0 (the backtest's bar index on the same bars)
 * @param openTime the bar's open time
 * @param warm     the bar is past the strategy's warm-up (every indicator it reads has a value);
 *                 before it, only rules over plain prices can hold
 */
public record Decision(long bar, Instant openTime, Signal signal, boolean warm) {

    public Decision {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(signal, "signal");
    }

    /** The exposure asked for on this bar; empty when the strategy asks for no change. */
    public Optional<Exposure> target() {
        return signal.target();
    }

    /**
     * The orders that take {@code position} (signed, in the instrument's units) to this decision's
     * target: none when the target is absent or already held; else a reduce-only market order that
     * closes the position (when there is one), then a market order of {@code entryQuantity} on the
     * target's side (unless the target is flat). Two orders, not one netted order, because the
     * engine fills a reversal as an exit and a new entry (its own fill, fee and cost basis), and the
     * entry's size is decided after the exit's cash is known. IOC: a decision at this bar's close
     * is for now, not for whenever the market next opens.
     *
     * @param entryQuantity unsigned, &gt; 0; execution's sizing (the engine's: fraction × cash / (price × (1 + fee)))
     * @param clientOrderId the prefix of the orders' client ids, unique per decision (e.g. session and bar):
     *                      the exit gets {@code -exit}, the entry {@code -entry}
     */
    public List<OrderRequest> orders(InstrumentId instrument, BigDecimal position, BigDecimal entryQuantity,
                                     String clientOrderId) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Optional<Exposure> target = target();
        if (target.isEmpty() || target.get().sign() == position.signum()) {
            return List.of();
        }
        List<OrderRequest> orders = new ArrayList<>(2);
        if (position.signum() != 0) {
            Side exit = position.signum() > 0 ? Side.SELL : Side.BUY;
            orders.add(OrderRequest.market(clientOrderId + "-exit", instrument, exit, position.abs(), TimeInForce.IOC)
                    .withReduceOnly(true));
        }
        if (target.get() != Exposure.FLAT) {
            if (entryQuantity == null || entryQuantity.signum() <= 0) {
                throw new IllegalArgumentException("an entry needs a positive quantity: " + entryQuantity);
            }
            Side entry = target.get() == Exposure.LONG ? Side.BUY : Side.SELL;
            orders.add(OrderRequest.market(clientOrderId + "-entry", instrument, entry, entryQuantity, TimeInForce.IOC));
        }
        return List.copyOf(orders);
    }
}
