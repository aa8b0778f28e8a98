package io.heliox.atlas.command.application.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per username: the first {@value #FREE_FAILURES} failures cost nothing,
 * each one after that locks the name out for twice as long as the last (1 s, 2 s, 4 s, … up to
 * {@link #MAX_LOCK}); a success clears the count.
 *
 * <p>An attempt is counted as a failure when it starts ({@link #attempt}) and forgiven by a
 * success, so a burst of parallel guesses cannot all slip in while the first ones are still being
 * checked. Per node, in memory: a guesser who spreads attempts over nodes gets one free round per
 * node, still no brute force.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /**
     * Starts an attempt for {@code username}: 0 when it may go on (it now counts as a failure until
     * {@link #succeeded}), else the seconds until the name may try again.
     */
    long attempt(String username, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear(); // a flood of made-up names must not exhaust memory
        }
        long[] wait = {0};
        failures.compute(key(username), (k, f) -> {
            if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
                wait[0] = Math.max(1, Duration.between(now, f.lockedUntil()).toSeconds());
                return f;
            }
            int count = f == null ? 1 : f.count() + 1;
            if (count <= FREE_FAILURES) {
                return new Failures(count, null);
            }
            long seconds = Math.min(MAX_LOCK.toSeconds(), 1L << Math.min(30, count - FREE_FAILURES - 1));
            return new Failures(count, now.plusSeconds(seconds));
        });
        return wait[0];
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
