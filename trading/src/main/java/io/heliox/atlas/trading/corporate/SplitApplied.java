package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position converted by a split. The whole lots stay in the position with the cost basis they carry
 * (the average price divided by the ratio); a fractional remainder, if any, is a separate
 * {@link CashInLieu} that takes the rest of the basis. {@code costBasisAfter + cashInLieu.basisAllocated
 * == costBasisBefore} exactly.
 *
 * @param quantityBefore         signed, old shares
 * @param quantityAfter          signed, new shares, a whole number of lots
 * @param referencePrice         the close before the split, per old share
 * @param adjustedReferencePrice per new share: reference ÷ ratio (to 34 digits when not a finite decimal)
 */
public record SplitApplied(String actionId, Instant at, InstrumentId instrumentId, SplitRatio ratio,
                           BigDecimal quantityBefore, BigDecimal quantityAfter, BigDecimal costBasisBefore,
                           BigDecimal costBasisAfter, BigDecimal referencePrice, BigDecimal adjustedReferencePrice)
        implements CorporateActionEvent {
}
