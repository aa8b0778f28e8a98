package io.heliox.atlas.trading.account;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A net position in one instrument at average cost, as an immutable value: {@link #apply(Fill)}
 * returns the position after the fill.
 *
 * <p>It keeps the <em>cost basis</em> (signed quantity × average entry price, exactly what the open
 * quantity cost) rather than the average price, because an average is a division and need not be a
 * finite decimal (three buys at 100, 100, 101 average 100.333…). With the cost basis every booking is
 * an addition or a multiplication, exact in BigDecimal, except one: the cost a partial reduction takes
 * away (basis × closed ÷ open), rounded to 34 significant digits ({@link MathContext#DECIMAL128}).
 * Whatever that rounding takes from the realised P&amp;L stays in the remaining basis, so realised +
 * unrealised is always exactly what the fills paid and received plus the marked value:
 * {@code realised + unrealised(mark) == Σ −signedQty·price + quantity·mark} with no rounding at all.
 *
 * <ul>
 *   <li><b>Increase</b> (flat, or a fill on the position's side): quantity and basis grow; nothing realised.</li>
 *   <li><b>Reduce</b> (opposite side, no larger than the position): the closed part realises its
 *       exit value minus the basis it carried; the average price of the rest does not change.</li>
 *   <li><b>Close</b>: as reduce, taking the whole basis (exact); the position is flat with basis 0.</li>
 *   <li><b>Flip</b> (opposite side, larger than the position): closes the whole position at the fill's
 *       price, then opens the remainder on the other side at the same price.</li>
 * </ul>
 *
 * <p>Realised P&amp;L here is before fees; fees are summed apart in {@link #fees()}, so a strategy's
 * gross edge and its costs stay visible separately.
 *
 * @param quantity  signed net quantity: &gt; 0 long, &lt; 0 short, 0 flat
 * @param costBasis signed: quantity × average entry price; 0 when flat
 * @param realised  P&amp;L of the quantity closed so far, before fees
 * @param fees      every fee paid on this instrument's fills (negative when rebates outweigh them)
 */
public record Position(InstrumentId instrumentId, String currency, BigDecimal quantity, BigDecimal costBasis,
                       BigDecimal realised, BigDecimal fees) {

    /** How a partial reduction's share of the basis is rounded (the only rounding in the books). */
    public static final MathContext ROUNDING = MathContext.DECIMAL128;

    public Position {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(costBasis, "costBasis");
        Objects.requireNonNull(realised, "realised");
        Objects.requireNonNull(fees, "fees");
        if (quantity.signum() == 0 && costBasis.signum() != 0) {
            throw new IllegalArgumentException(instrumentId + ": a flat position has no cost basis, was " + costBasis);
        }
    }

    public static Position flat(InstrumentId instrumentId, String currency) {
        return new Position(instrumentId, currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    /** The average entry price of the open quantity (basis ÷ quantity, to 34 digits); 0 when flat. */
    public BigDecimal averagePrice() {
        return isFlat() ? BigDecimal.ZERO : costBasis.divide(quantity, ROUNDING);
    }

    /** What the open quantity gains at {@code markPrice}: quantity × mark − basis (exact). 0 when flat. */
    public BigDecimal unrealised(BigDecimal markPrice) {
        return isFlat() ? BigDecimal.ZERO : quantity.multiply(markPrice).subtract(costBasis);
    }

    /** The open quantity valued at {@code markPrice}: quantity × mark, negative when short. */
    public BigDecimal marketValue(BigDecimal markPrice) {
        return quantity.multiply(markPrice);
    }

    /** The position after {@code fill}. */
    public Position apply(Fill fill) {
        if (!fill.instrumentId().equals(instrumentId)) {
            throw new IllegalArgumentException("a fill of " + fill.instrumentId() + " on a position in " + instrumentId);
        }
        if (!fill.currency().equals(currency)) {
            throw new IllegalArgumentException(instrumentId + ": a fill in " + fill.currency()
                    + " on a position in " + currency);
        }
        BigDecimal change = fill.signedQuantity();
        BigDecimal price = fill.price();
        BigDecimal newFees = fees.add(fill.fee());
        if (isFlat() || quantity.signum() == change.signum()) {
            return new Position(instrumentId, currency, quantity.add(change), costBasis.add(change.multiply(price)),
                    realised, newFees);
        }
        BigDecimal open = quantity.abs();
        BigDecimal closing = fill.quantity().min(open);
        BigDecimal closingSigned = quantity.signum() > 0 ? closing : closing.negate();
        BigDecimal basisTaken = closing.compareTo(open) == 0
                ? costBasis
                : costBasis.multiply(closing).divide(open, ROUNDING);
        BigDecimal newRealised = realised.add(closingSigned.multiply(price)).subtract(basisTaken);
        BigDecimal left = quantity.add(change);
        BigDecimal basisLeft = costBasis.subtract(basisTaken);
        if (left.signum() != 0 && left.signum() != quantity.signum()) {
            basisLeft = left.multiply(price); // flipped: the remainder opens at the fill's price
        }
        if (left.signum() == 0) {
            left = BigDecimal.ZERO;
        }
        return new Position(instrumentId, currency, left, basisLeft, newRealised, newFees);
    }
}
