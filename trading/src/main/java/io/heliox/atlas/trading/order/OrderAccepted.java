package io.heliox.atlas.trading.order;

import io.heliox.atlas.trading.instrument.Instrument;

import java.time.Instant;
import java.util.Objects;

/**
 * An order that passed every check.
 *
 * @param instrument the instrument it was checked against (the terms the venue will apply)
 * @param activeFrom when it may first trade: the check's instant when the market is open, else the
 *                   market's next open (a GTC order placed while the market is closed waits for it)
 */
public record OrderAccepted(OrderRequest request, Instrument instrument, Instant activeFrom,
                            boolean heldUntilOpen) implements OrderCheck {

    public OrderAccepted {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(activeFrom, "activeFrom");
    }
}
