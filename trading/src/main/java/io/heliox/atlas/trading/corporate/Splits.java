package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Position;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A split applied to the books: pure functions of the books, the instrument and the reference price.
 *
 * <p><b>Positions.</b> The signed quantity {@code q} becomes {@code q × ratio}; the whole lots of that
 * (rounded toward zero) stay in the position, the rest is {@link CashInLieu} at the adjusted reference
 * price {@code ref ÷ ratio}. Everything is computed from the integers of the ratio so that the only
 * divisions are where a repeating decimal is unavoidable, and then in the books' one rounding
 * ({@link Position#ROUNDING}, 34 digits):
 * <ul>
 *   <li>cash in lieu {@code = (q·new − whole·old) × ref ÷ new}, so cash in lieu plus the whole lots at the
 *       adjusted price is {@code q × ref}: equity at the reference price does not move;</li>
 *   <li>the remainder takes {@code basis × (q·new − whole·old) ÷ (q·new)} of the cost basis and the whole
 *       lots keep the rest, a subtraction, so the two add up to the basis exactly and the whole lots'
 *       average price is the old average ÷ ratio;</li>
 *   <li>the remainder realises {@code cash in lieu − its basis}, as {@link Position#apply} would for a
 *       sale at that price; fees paid so far stay with the position.</li>
 * </ul>
 *
 * <p><b>Open orders</b> in the instrument: see {@link OrderAdjusted} for the rounding, and
 * {@link CorporateReason} for when an order is cancelled instead.
 */
public final class Splits {

    private Splits() {
    }

    /**
     * The books after {@code split}, with what changed in {@code events}.
     *
     * @param referencePrice the close before the split per old share; needed only when the account holds a
     *                       position in the instrument (may be null otherwise)
     */
    public static CorporateOutcome apply(Split split, Instrument instrument, CorporateBooks books, BigDecimal referencePrice,
                                Instant at) {
        if (!instrument.id().equals(split.instrumentId())) {
            throw new IllegalArgumentException("split " + split.id() + " of " + split.instrumentId()
                    + " applied with the terms of " + instrument.id());
        }
        List<CorporateActionEvent> events = new ArrayList<>();
        Account account = books.account();
        Position position = account.position(split.instrumentId()).orElse(null);
        if (position != null && !position.isFlat()) {
            if (referencePrice == null || referencePrice.signum() <= 0) {
                throw new IllegalArgumentException(split.id() + ": no positive reference price for the position in "
                        + split.instrumentId() + ", was " + referencePrice);
            }
            account = splitPosition(split, instrument, account, position, referencePrice, at, events);
        }
        List<OrderRequest> orders = new ArrayList<>();
        for (OrderRequest order : books.openOrders()) {
            if (!order.instrumentId().equals(split.instrumentId())) {
                orders.add(order);
                continue;
            }
            adjust(split, instrument, order, at, events).ifPresent(orders::add);
        }
        return new CorporateOutcome(books.withAccount(account).withOpenOrders(orders), events);
    }

    private static Account splitPosition(Split split, Instrument instrument, Account account, Position position,
                                         BigDecimal reference, Instant at, List<CorporateActionEvent> events) {
        SplitRatio ratio = split.ratio();
        BigDecimal q = position.quantity();
        BigDecimal whole = ratio.quantityInLots(q, instrument.lotSize());
        BigDecimal scaled = q.multiply(ratio.numerator());                                   // q × new
        BigDecimal fractionTimesOld = scaled.subtract(whole.multiply(ratio.denominator()));  // remainder × old
        BigDecimal adjustedReference = divide(reference.multiply(ratio.denominator()), ratio.numerator());
        BigDecimal basisAllocated;
        if (fractionTimesOld.signum() == 0) {
            basisAllocated = BigDecimal.ZERO;
        } else if (whole.signum() == 0) {
            basisAllocated = position.costBasis(); // all of it goes: exact, leaving a flat position with no basis
        } else {
            basisAllocated = divide(position.costBasis().multiply(fractionTimesOld), scaled);
        }
        BigDecimal basisAfter = position.costBasis().subtract(basisAllocated);
        BigDecimal cashInLieu = divide(fractionTimesOld.multiply(reference), ratio.numerator());
        BigDecimal realised = cashInLieu.subtract(basisAllocated);
        Position after = new Position(position.instrumentId(), position.currency(),
                whole.signum() == 0 ? BigDecimal.ZERO : whole, basisAfter,
                position.realised().add(realised), position.fees());
        events.add(new SplitApplied(split.id(), at, split.instrumentId(), ratio, q, after.quantity(),
                position.costBasis(), basisAfter, reference, adjustedReference));
        Account result = account.withPosition(after);
        if (fractionTimesOld.signum() != 0) {
            events.add(new CashInLieu(split.id(), at, split.instrumentId(),
                    divide(fractionTimesOld, ratio.denominator()), adjustedReference, cashInLieu, position.currency(),
                    basisAllocated, realised));
            result = result.credit(position.currency(), cashInLieu);
        }
        return result;
    }

    private static Optional<OrderRequest> adjust(Split split, Instrument instrument, OrderRequest order,
                                                           Instant at, List<CorporateActionEvent> events) {
        SplitRatio ratio = split.ratio();
        BigDecimal quantity = ratio.quantityInLots(order.quantity(), instrument.lotSize());
        if (quantity.signum() <= 0) {
            events.add(new OrderCancelled(split.id(), at, order, CorporateReason.SPLIT_QUANTITY_BELOW_LOT));
            return Optional.empty();
        }
        boolean buy = order.side() == Side.BUY;
        // passive rounding: a lower buy limit and a higher sell limit fill no sooner; a higher buy stop and a
        // lower sell stop trigger no sooner
        BigDecimal limit = order.limitPrice() == null ? null
                : ratio.priceInSteps(order.limitPrice(), instrument.tickSize(), buy ? RoundingMode.FLOOR : RoundingMode.CEILING);
        BigDecimal stop = order.stopPrice() == null ? null
                : ratio.priceInSteps(order.stopPrice(), instrument.tickSize(), buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if ((limit != null && limit.signum() <= 0) || (stop != null && stop.signum() <= 0)) {
            events.add(new OrderCancelled(split.id(), at, order, CorporateReason.SPLIT_PRICE_BELOW_TICK));
            return Optional.empty();
        }
        OrderRequest after = new OrderRequest(order.clientOrderId(), order.instrumentId(), order.side(), order.type(),
                quantity, limit, stop, order.timeInForce(), order.reduceOnly());
        events.add(new OrderAdjusted(split.id(), at, order, after));
        return Optional.of(after);
    }

    /** Exact when the quotient is a finite decimal, else to the books' 34 digits. */
    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        try {
            return dividend.divide(divisor);
        } catch (ArithmeticException repeating) {
            return dividend.divide(divisor, Position.ROUNDING);
        }
    }
}
