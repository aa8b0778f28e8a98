package io.heliox.atlas.web.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.heliox.atlas.command.application.identity.Principal;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute, per user and per API key: token buckets that hold a minute's worth and
 * refill evenly, kept in PostgreSQL (bucket4j, a row lock per check) so the limit holds across
 * nodes. A user's bucket is named with its limit, so changing a user's limit starts a fresh bucket.
 *
 * <p>Limits of {@value #EXACT_BELOW} a minute and more are not checked against the database on
 * every request: each node takes up to 1 % of the limit locally and settles with the shared bucket
 * at least every {@link #SYNC_EVERY} (bucket4j's delaying optimization), which keeps a check well
 * under a millisecond; a caller may then overdraw by that 1 % per node. Smaller limits are exact.
 */
final class RateLimiter {

    static final long EXACT_BELOW = 600;
    static final Duration SYNC_EVERY = Duration.ofMillis(500);

    /** What one request found: let through or not, what is left, and when to try again. */
    record Verdict(boolean allowed, long limit, long remaining, long retryAfterSeconds, long resetSeconds) {
    }

    private final ProxyManager<String> buckets;
    private final long defaultPerMinute;
    /** One proxy per bucket: a delaying proxy keeps its local share in the object. */
    private final Map<String, Bucket> proxies = new ConcurrentHashMap<>();

    RateLimiter(DataSource dataSource, long defaultPerMinute) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .build();
        this.defaultPerMinute = defaultPerMinute;
    }

    /** One request of {@code caller}: a token from the user's bucket and, for a key, from the key's. */
    Verdict take(Principal caller) {
        long userLimit = caller.rateLimitPerMinute() == null ? defaultPerMinute : caller.rateLimitPerMinute();
        Verdict user = take("user:" + caller.userId() + ":" + userLimit, userLimit);
        if (!user.allowed() || caller.keyId() == null) {
            return user;
        }
        Verdict key = take("key:" + caller.keyId() + ":" + defaultPerMinute, defaultPerMinute);
        return !key.allowed() || key.remaining() < user.remaining() ? key : user;
    }

    private Verdict take(String bucket, long perMinute) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
        if (proxies.size() > 100_000) {
            proxies.clear(); // a bound, not a cache policy: proxies are cheap to build again
        }
        Bucket proxy = proxies.computeIfAbsent(bucket, id -> {
            Bucket exact = buckets.builder().build(id, () -> configuration);
            if (perMinute < EXACT_BELOW) {
                return exact;
            }
            // bucket4j's delaying proxy batches concurrent calls, and a batch that finds no bucket fails
            // ("bucket does not exist") instead of creating it: a browser's first page load after signing
            // in got a 500 for every request in that batch. So the bucket is made by an exact call first,
            // while computeIfAbsent holds the others back.
            exact.getAvailableTokens();
            return buckets.builder()
                    .withOptimization(Optimizations.delaying(new DelayParameters(perMinute / 100, SYNC_EVERY)))
                    .build(id, () -> configuration);
        });
        ConsumptionProbe probe;
        try {
            probe = proxy.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (!bucketMissing(e)) {
                throw e;
            }
            // The row went away under the delaying proxy (deleted, a database restored): its batch cannot
            // make it again. An exact call does; the next request builds a fresh proxy on it.
            proxies.remove(bucket, proxy);
            probe = buckets.builder().build(bucket, () -> configuration).tryConsumeAndReturnRemaining(1);
        }
        return new Verdict(probe.isConsumed(), perMinute, probe.getRemainingTokens(),
                ceilSeconds(probe.getNanosToWaitForRefill()), ceilSeconds(probe.getNanosToWaitForReset()));
    }

    private static boolean bucketMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
