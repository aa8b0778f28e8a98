package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A cash dividend of {@code amountPerShare} in the instrument's quote currency (the account has no
 * currency conversion, so a dividend in another currency is not modelled).
 *
 * <p>Who is entitled is fixed by the ex-date, not the record date: whoever holds the share at the
 * close before the ex-date gets the dividend, because a share bought on the ex-date settles after the
 * record date. The record date is kept for the record (it is on every announcement and a reconciliation
 * with a broker's statement will want it) but decides nothing here.
 *
 * @param exDate     the first trading date the share trades without the dividend
 * @param recordDate when the issuer reads its register; not before the ex-date's eve, not after payment
 * @param payDate    when the cash moves; on or after the ex-date
 */
public record CashDividend(String id, InstrumentId instrumentId, BigDecimal amountPerShare, LocalDate exDate,
                           LocalDate recordDate, LocalDate payDate) implements CorporateAction {

    public CashDividend {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(amountPerShare, "amountPerShare");
        Objects.requireNonNull(exDate, "exDate");
        Objects.requireNonNull(recordDate, "recordDate");
        Objects.requireNonNull(payDate, "payDate");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a corporate action needs an id");
        }
        if (amountPerShare.signum() <= 0) {
            throw new IllegalArgumentException(id + ": a dividend per share must be positive, was " + amountPerShare);
        }
        if (payDate.isBefore(exDate) || recordDate.isAfter(payDate)) {
            throw new IllegalArgumentException(id + ": needs ex-date and record date on or before the pay date, was ex "
                    + exDate + ", record " + recordDate + ", pay " + payDate);
        }
    }

    /** The ex-date: the dividend's effective date. */
    @Override
    public LocalDate effectiveDate() {
        return exDate;
    }
}
