package io.heliox.atlas.trading.corporate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Notice that {@code action} takes hold on {@code effectiveDate}, given a configured number of trading
 * days ahead, so a strategy or a trader can flatten or re-price before the books are changed under them.
 *
 * @param settlesAt when the books are changed: the close of the trading day before the effective date
 */
public record CorporateActionWarning(String actionId, Instant at, CorporateAction action, LocalDate effectiveDate,
                                     Instant settlesAt) implements CorporateActionEvent {

    public CorporateActionWarning {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(settlesAt, "settlesAt");
    }
}
