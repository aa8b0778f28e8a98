package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.time.LocalDate;

/**
 * An announced corporate action on one equity: a {@link Split} or a {@link CashDividend}. Both take
 * hold on a trading date (the split's effective date, the dividend's ex-date), and both are settled
 * against the books as they stand at the close of the trading day before it, which is why the
 * schedule warns ahead of that date.
 */
public sealed interface CorporateAction permits Split, CashDividend {

    /** The announcement's id, unique in a schedule: every event the action causes carries it. */
    String id();

    InstrumentId instrumentId();

    /** The first trading date on which the instrument trades without the old terms. */
    LocalDate effectiveDate();
}
