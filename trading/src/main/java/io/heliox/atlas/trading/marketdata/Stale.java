package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.time.Duration;
import java.util.Objects;

/**
 * Prices are not fresh enough to trade on the instrument: why ({@link StaleReason}, with its
 * {@code marketdata.*} code), how old, and the limit. What an order refused for stale prices carries.
 *
 * @param age for {@link StaleReason#STALE} the last price's age; for {@link StaleReason#FEED_SILENT}
 *            the age of the feed's last message of any kind, or null when none ever arrived; for
 *            {@link StaleReason#NO_PRICE} null (there is no price to be old)
 */
public record Stale(InstrumentId instrumentId, StaleReason reason, Duration age, Duration limit)
        implements Freshness {

    public Stale {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(limit, "limit");
        if (reason == StaleReason.STALE && age == null) {
            throw new IllegalArgumentException("a stale price has an age");
        }
        if (reason == StaleReason.NO_PRICE && age != null) {
            throw new IllegalArgumentException("no price has no age");
        }
    }

    /** The stable wire code, such as {@code marketdata.stale}. */
    public String code() {
        return reason.code();
    }

    /** In words, for a person: computed on demand, so the check itself builds no strings. */
    public String detail() {
        String allowed = InWords.duration(limit);
        return instrumentId + ": " + switch (reason) {
            case FEED_SILENT -> age == null
                    ? "the feed has sent nothing yet"
                    : "the feed has sent nothing for " + InWords.duration(age) + ", more than the " + allowed + " allowed";
            case NO_PRICE -> "no price has arrived yet";
            case STALE -> "the last price is " + InWords.duration(age) + " old, older than the " + allowed + " allowed";
        } + " (" + code() + ")";
    }
}
