package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A forward or reverse split: from {@code effectiveDate} on the instrument trades in the new shares,
 * so positions and open orders are converted at the close of the trading day before.
 */
public record Split(String id, InstrumentId instrumentId, SplitRatio ratio, LocalDate effectiveDate)
        implements CorporateAction {

    public Split {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a corporate action needs an id");
        }
    }
}
