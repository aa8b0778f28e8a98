package io.heliox.atlas.trading.venue.paper;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the paper venue takes, in market time: from submit to the acknowledgement, and from
 * submit to the first moment the order may trade. A paper venue's clock is its market data's, so a
 * delay ends when a message at or after it arrives (a bar, a quote, a heartbeat): on a feed of
 * one-minute bars, a 250 ms fill latency still means the order trades on the next bar, as it would.
 *
 * @param acknowledge submit → {@code OrderAcknowledged}
 * @param fill        submit → may trade; at least {@code acknowledge} (nothing fills before the venue has it)
 */
public record Latency(Duration acknowledge, Duration fill) {

    public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

    public Latency {
        Objects.requireNonNull(acknowledge, "acknowledge");
        Objects.requireNonNull(fill, "fill");
        if (acknowledge.isNegative() || fill.isNegative()) {
            throw new IllegalArgumentException("latencies must not be negative: " + acknowledge + ", " + fill);
        }
        if (fill.compareTo(acknowledge) < 0) {
            throw new IllegalArgumentException("an order cannot trade (" + fill + ") before it is acknowledged ("
                    + acknowledge + ")");
        }
    }
}
