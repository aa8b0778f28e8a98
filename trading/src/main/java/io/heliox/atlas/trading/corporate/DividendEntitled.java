package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Who gets (or owes) a dividend, fixed at the close before the ex-date from the position held then;
 * nothing moves yet. A short position owes it to the lender of the shares: quantity, gross and net are
 * negative, and no tax is withheld from a payment the account makes.
 *
 * @param quantity    signed, the position at the close before the ex-date; never 0
 * @param gross       quantity × amount per share, exact
 * @param withholding tax withheld from a long entitlement: gross × the account's rate; 0 for a short
 * @param net         gross − withholding: what {@link DividendPaid} moves into cash
 */
public record DividendEntitled(String actionId, Instant at, InstrumentId instrumentId, BigDecimal quantity,
                               BigDecimal amountPerShare, BigDecimal gross, BigDecimal withholding, BigDecimal net,
                               String currency, LocalDate payDate) implements CorporateActionEvent {
}
