package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The part of a split position below one lot, settled in cash at the adjusted reference price, as if
 * sold (long) or bought back (short) there: the holder of a long remainder is paid, a short one pays.
 *
 * @param fractionalQuantity signed, in new shares, less than one lot; may be a repeating decimal, so it
 *                           is rounded to 34 digits here while {@code amount} is computed without it
 * @param amount             signed cash to the account, in {@code currency}: fraction × adjusted reference
 * @param basisAllocated     the share of the position's cost basis the remainder carried
 * @param realised           {@code amount − basisAllocated}: the P&amp;L the remainder realised
 */
public record CashInLieu(String actionId, Instant at, InstrumentId instrumentId, BigDecimal fractionalQuantity,
                         BigDecimal adjustedReferencePrice, BigDecimal amount, String currency,
                         BigDecimal basisAllocated, BigDecimal realised) implements CorporateActionEvent {
}
