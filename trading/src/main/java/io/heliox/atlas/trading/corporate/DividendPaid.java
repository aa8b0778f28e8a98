package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;

/** A dividend entitlement settled on the pay date: {@code amount} (signed, the entitlement's net) moved into cash. */
public record DividendPaid(String actionId, Instant at, InstrumentId instrumentId, BigDecimal amount, String currency)
        implements CorporateActionEvent {
}
