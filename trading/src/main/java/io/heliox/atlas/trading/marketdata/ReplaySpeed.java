package io.heliox.atlas.trading.marketdata;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast a {@link BarReplayFeed} replays: in real time (one bar per bar period, as the market
 * would have delivered them) or one bar per a fixed wall time (a paper session that wants an hour
 * bar every 100 ms).
 */
public sealed interface ReplaySpeed {

    /** One bar per bar period of wall time. */
    static ReplaySpeed realTime() {
        return RealTime.INSTANCE;
    }

    /** One bar per {@code wallTime} (positive), whatever the bar period. */
    static ReplaySpeed barEvery(Duration wallTime) {
        return new BarEvery(wallTime);
    }

    /** The wall time between two bars of {@code period}. */
    Duration wallPerBar(Duration period);

    /** One bar per bar period. */
    enum RealTime implements ReplaySpeed {
        INSTANCE;

        @Override
        public Duration wallPerBar(Duration period) {
            return period;
        }

        @Override
        public String toString() {
            return "real time";
        }
    }

    /** One bar per {@code wallTime}. */
    record BarEvery(Duration wallTime) implements ReplaySpeed {

        public BarEvery {
            Objects.requireNonNull(wallTime, "wallTime");
            if (wallTime.isNegative() || wallTime.isZero()) {
                throw new IllegalArgumentException("a bar every " + wallTime + ": the wall time must be positive");
            }
        }

        @Override
        public Duration wallPerBar(Duration period) {
            return wallTime;
        }

        @Override
        public String toString() {
            return "a bar every " + InWords.duration(wallTime);
        }
    }
}
