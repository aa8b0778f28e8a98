package io.heliox.atlas.trading.risk;

import java.time.Instant;

/**
 * The instants of the last {@link RateLimit#count()} events of one kind (submits, or modifies), to
 * answer in constant time whether one more would break the limit: it would exactly when the oldest of
 * the last {@code count} lies inside the window that ends now.
 *
 * <p>Time is whatever instants the caller passes (its injected clock), never the wall clock, so a
 * replay decides the same. Mutable working state, like {@link OpenOrders}: the owner records an event
 * when it applies it; {@link RiskEngine} only reads.
 */
public final class RateWindow {

    private final RateLimit limit;
    /** Epoch nanoseconds of the last {@code limit.count()} events, a ring; {@code size} of them set. */
    private final long[] ring;
    private final long windowNanos;
    private int next;
    private int size;

    private RateWindow(RateLimit limit) {
        this.limit = limit;
        this.ring = limit == null ? new long[0] : new long[limit.count()];
        this.windowNanos = limit == null ? 0 : limit.window().toNanos();
    }

    /** A window for this limit; null is no limit: it admits everything and keeps nothing. */
    public static RateWindow of(RateLimit limit) {
        return new RateWindow(limit);
    }

    public RateLimit limit() {
        return limit;
    }

    /** Whether one more event at {@code now} stays within the limit. */
    public boolean admits(Instant now) {
        if (limit == null || size < ring.length) {
            return true;
        }
        long oldest = ring[next]; // the ring is full: the slot to be overwritten holds the oldest
        return oldest <= nanos(now) - windowNanos;
    }

    /** How many recorded events lie in the window that ends at {@code now}: (now − window, now]. */
    public int countAt(Instant now) {
        long from = nanos(now) - windowNanos;
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (ring[i] > from) {
                count++;
            }
        }
        return count;
    }

    /**
     * A window for another limit that remembers this one's most recent events (as many as the new
     * limit counts), so a limit changed mid-session still sees the burst just sent: lowering 100/s to
     * 10/s right after 50 submits does not grant 10 more at once. A window without a limit recorded
     * nothing, so a limit set on it counts from now.
     */
    public RateWindow resized(RateLimit newLimit) {
        RateWindow resized = new RateWindow(newLimit);
        if (newLimit == null) {
            return resized;
        }
        int keep = Math.min(size, resized.ring.length);
        for (int i = size - keep; i < size; i++) { // oldest kept first, so the new ring's order is time order
            resized.ring[resized.next] = ring[(next - size + i + ring.length) % ring.length];
            resized.next = (resized.next + 1) % resized.ring.length;
            resized.size++;
        }
        return resized;
    }

    /** An event happened at {@code now} (instants must not go backwards). */
    public void record(Instant now) {
        if (limit == null) {
            return;
        }
        ring[next] = nanos(now);
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
