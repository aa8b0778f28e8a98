package io.heliox.atlas.trading.risk;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code count} events in any window of {@code window}: a sliding window, not a token bucket,
 * because a bucket refilled at 100/s with a burst of 100 lets 200 through in one second, and "100
 * submits per second" should mean what it says over every second.
 */
public record RateLimit(int count, Duration window) {

    /** The default for submits and for modifies: 100 a second. */
    public static final RateLimit DEFAULT = perSecond(100);

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (count < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 event, was " + count);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate limit's window must be positive, was " + window);
        }
    }

    public static RateLimit perSecond(int count) {
        return new RateLimit(count, Duration.ofSeconds(1));
    }
}
