package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.trading.instrument.InstrumentId;

import java.time.Duration;
import java.util.Objects;

/**
 * The instrument's last price is recent enough to trade on.
 *
 * @param age how old the last price is at the time checked: zero or more, never above {@code limit}
 */
public record Fresh(InstrumentId instrumentId, Duration age, Duration limit) implements Freshness {

    public Fresh {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(limit, "limit");
    }

    /** In words, for a person. */
    public String detail() {
        return instrumentId + ": the last price is " + InWords.duration(age) + " old, within the "
                + InWords.duration(limit) + " allowed";
    }
}
