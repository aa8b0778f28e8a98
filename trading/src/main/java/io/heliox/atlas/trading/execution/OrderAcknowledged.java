package io.heliox.atlas.trading.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * The venue has the order and works it.
 *
 * @param venueOrderId the venue's own id for it
 * @param activeFrom   when it may first trade (later than {@link #time()} when the market is closed
 *                     and the order waits for the open, or when the venue's latency delays it)
 */
public record OrderAcknowledged(String clientOrderId, String venueOrderId, Instant activeFrom, Instant time)
        implements ExecutionReport {

    public OrderAcknowledged {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(activeFrom, "activeFrom");
        Objects.requireNonNull(time, "time");
    }
}
