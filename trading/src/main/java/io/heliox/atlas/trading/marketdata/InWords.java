package io.heliox.atlas.trading.marketdata;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as a person reads them in a sentence ({@code PT1.5S} is for machines). */
final class InWords {

    private InWords() {
    }

    /** {@code 250 ms}, {@code 1.5 s}, {@code 3600 s}. */
    static String duration(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return new BigDecimal(duration.toNanos()).movePointLeft(6).stripTrailingZeros().toPlainString() + " ms";
        }
        return new BigDecimal(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
                .stripTrailingZeros().toPlainString() + " s";
    }
}
