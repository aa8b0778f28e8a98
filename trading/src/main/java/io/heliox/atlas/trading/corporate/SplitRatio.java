package io.heliox.atlas.trading.corporate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many new shares a split gives for how many old ones, as an exact rational: 3-for-2 is
 * {@code (3, 2)}, a 1-for-10 reverse split is {@code (1, 10)}. Kept as two integers rather than one
 * decimal because most ratios are not finite decimals the other way round (a 3-for-2 split divides
 * prices by 1.5, multiplies them by 0.666…), so quantities are multiplied by {@code newShares} and
 * divided by {@code oldShares} only where that division can be exact or is rounded on purpose.
 *
 * @param newShares shares held after the split for every {@code oldShares} held before; positive
 * @param oldShares positive; the ratio is not 1-for-1 (that is no split)
 */
public record SplitRatio(long newShares, long oldShares) {

    public SplitRatio {
        if (newShares <= 0 || oldShares <= 0) {
            throw new IllegalArgumentException("a split ratio needs positive share counts, was "
                    + newShares + "-for-" + oldShares);
        }
        if (newShares == oldShares) {
            throw new IllegalArgumentException("a 1-for-1 split changes nothing: " + newShares + "-for-" + oldShares);
        }
    }

    public static SplitRatio of(long newShares, long oldShares) {
        return new SplitRatio(newShares, oldShares);
    }

    /** Whether shares are consolidated (fewer after than before): a 1-for-10 is, a 3-for-2 is not. */
    public boolean isReverse() {
        return newShares < oldShares;
    }

    BigDecimal numerator() {
        return BigDecimal.valueOf(newShares);
    }

    BigDecimal denominator() {
        return BigDecimal.valueOf(oldShares);
    }

    /**
     * {@code value ÷ ratio} (a price after the split) as a whole number of {@code step}s, rounded in
     * {@code mode}. Exact in its decision: BigDecimal's division to scale 0 with a rounding mode
     * rounds the true quotient, so a price exactly on a tick is never pushed to the next one.
     */
    BigDecimal priceInSteps(BigDecimal value, BigDecimal step, RoundingMode mode) {
        return value.multiply(denominator()).divide(numerator().multiply(step), 0, mode).multiply(step);
    }

    /** {@code quantity × ratio} rounded toward zero to a whole number of {@code lot}s. */
    BigDecimal quantityInLots(BigDecimal quantity, BigDecimal lot) {
        return quantity.multiply(numerator()).divide(denominator().multiply(lot), 0, RoundingMode.DOWN).multiply(lot);
    }

    /** The ratio as written on an announcement: {@code 3-for-2}. */
    @Override
    public String toString() {
        return newShares + "-for-" + oldShares;
    }
}
