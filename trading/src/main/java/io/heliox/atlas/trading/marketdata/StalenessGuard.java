package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether an instrument's prices are fresh enough to trade on: an order priced off a
 * quote from a minute ago, on a feed that has quietly died, is an order priced off nothing.
 * {@link #record} every message a feed delivers; {@link #check} before trading.
 *
 * <p><b>What it remembers.</b> Per instrument, the time of its latest price ({@link MarketData#isPrice()};
 * for a {@link BarClosed} its close time, which is its {@code time()}). Separately, the feed's
 * liveness: the time of its latest message of any kind, price or {@link Heartbeat}, for any
 * instrument or for the whole feed. A heartbeat therefore keeps the feed alive but never makes a
 * price fresh. Both only move forward: a message stamped earlier than what is remembered (a late
 * or replayed message) changes nothing, so the clock never runs backwards.
 *
 * <p><b>One guard per feed.</b> Liveness is the feed's, not an instrument's: a heartbeat without
 * an instrument cannot say which venue it came from, so a session on two venues keeps one guard for
 * each venue's feed.
 *
 * <p><b>The check,</b> at a time {@code now} the caller passes (the market's time; nothing here
 * reads a clock), against the instrument's max age, in this order, the first that applies being the
 * answer (most fundamental first, so the reason points at what to fix):
 * <ol>
 *   <li>the feed's last message is older than the max age, or there never was one:
 *       {@code marketdata.feed_silent} (look at the connection);</li>
 *   <li>no price of the instrument ever arrived: {@code marketdata.no_price} (look at the
 *       subscription);</li>
 *   <li>the last price is older than the max age: {@code marketdata.stale} (the market is quiet,
 *       closed or halted);</li>
 *   <li>otherwise {@link Fresh}.</li>
 * </ol>
 * An age of exactly the max age is fresh: stale means strictly older. A message stamped after
 * {@code now} (the venue's clock ahead of ours) has age zero, not a negative one.
 *
 * <p><b>Threads.</b> Safe to share between the feed's thread that records and the threads that
 * check, cheaply: the two memories are a concurrent map and an atomic reference, each only ever
 * raised. A check concurrent with a record sees each memory before or after it; either answer
 * was true at some moment during the call.
 */
public final class StalenessGuard {

    private final Duration defaultMaxAge;
    private final Map<InstrumentId, Duration> maxAges;
    private final ConcurrentHashMap<InstrumentId, Instant> lastPrice = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastMessage = new AtomicReference<>();

    /**
     * @param defaultMaxAge the max age of every instrument not overridden; positive
     * @param overrides     max ages by instrument (a quiet stock may go longer between prices than
     *                      a currency pair); each positive
     */
    public StalenessGuard(Duration defaultMaxAge, Map<InstrumentId, Duration> overrides) {
        this.defaultMaxAge = positive(defaultMaxAge, "the default max age");
        Objects.requireNonNull(overrides, "overrides");
        overrides.forEach((id, age) -> positive(age, "the max age of " + Objects.requireNonNull(id, "instrument")));
        this.maxAges = Map.copyOf(overrides);
    }

    /** One max age for every instrument. */
    public StalenessGuard(Duration maxAge) {
        this(maxAge, Map.of());
    }

    /** The instrument's max age: its override, or the default. */
    public Duration maxAge(InstrumentId instrumentId) {
        return maxAges.getOrDefault(instrumentId, defaultMaxAge);
    }

    /** Remembers a message the feed delivered (any order; see the class comment). */
    public void record(MarketData message) {
        Instant time = message.time();
        lastMessage.accumulateAndGet(time, StalenessGuard::later);
        if (message.isPrice()) {
            lastPrice.merge(message.instrumentId(), time, StalenessGuard::later);
        }
    }

    /** Whether the instrument's prices are fresh enough to trade on at {@code now}. */
    public Freshness check(InstrumentId instrumentId, Instant now) {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(now, "now");
        Duration limit = maxAge(instrumentId);
        Instant message = lastMessage.get();
        if (message == null) {
            return new Stale(instrumentId, StaleReason.FEED_SILENT, null, limit);
        }
        Duration silence = age(message, now);
        if (silence.compareTo(limit) > 0) {
            return new Stale(instrumentId, StaleReason.FEED_SILENT, silence, limit);
        }
        Instant price = lastPrice.get(instrumentId);
        if (price == null) {
            return new Stale(instrumentId, StaleReason.NO_PRICE, null, limit);
        }
        Duration age = age(price, now);
        if (age.compareTo(limit) > 0) {
            return new Stale(instrumentId, StaleReason.STALE, age, limit);
        }
        return new Fresh(instrumentId, age, limit);
    }

    private static Duration age(Instant then, Instant now) {
        return then.isAfter(now) ? Duration.ZERO : Duration.between(then, now);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b.isAfter(a) ? b : a;
    }

    private static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
        return duration;
    }
}
