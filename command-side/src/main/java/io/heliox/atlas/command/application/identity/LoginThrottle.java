package io.heliox.atlas.command.application.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per username: the first {@value #FREE_FAILURES} failures cost nothing,
 * each one after that locks the name out for twice as long as the last (1 s, 2 s, 4 s, … up to
 * {@link #MAX_LOCK}); a success clears the count. Per node, in memory: a guesser who spreads
 * attempts over nodes gets one free round per node, still no brute force.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** Seconds until {@code username} may try again; 0 when it may now. */
    long retryAfter(String username, Instant now) {
        Failures f = failures.get(key(username));
        if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) {
            return 0;
        }
        return Math.max(1, Duration.between(now, f.lockedUntil()).toSeconds());
    }

    void failed(String username, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear(); // a flood of made-up names must not exhaust memory
        }
        failures.compute(key(username), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            if (count <= FREE_FAILURES) {
                return new Failures(count, null);
            }
            long seconds = Math.min(MAX_LOCK.toSeconds(), 1L << Math.min(30, count - FREE_FAILURES - 1));
            return new Failures(count, now.plusSeconds(seconds));
        });
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
