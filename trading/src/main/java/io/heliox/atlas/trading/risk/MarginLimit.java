package io.heliox.atlas.trading.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Margin monitoring by margin level, equity ÷ margin used (the level brokers quote: 1 means the equity
 * just covers the margin). Below {@code callLevel} is a margin call: REDUCING until the level is back
 * at or above it. Below {@code closeOutLevel} (the maintenance level) the engine closes out: it asks
 * for every open order to be cancelled and every position to be flattened by market orders. With no
 * margin used there is nothing to call.
 *
 * @param callLevel     e.g. 1.0
 * @param closeOutLevel e.g. 0.5 (OANDA's default close-out); positive and below the call level
 */
public record MarginLimit(BigDecimal callLevel, BigDecimal closeOutLevel) {

    public MarginLimit {
        Objects.requireNonNull(callLevel, "callLevel");
        Objects.requireNonNull(closeOutLevel, "closeOutLevel");
        if (closeOutLevel.signum() <= 0 || closeOutLevel.compareTo(callLevel) >= 0) {
            throw new IllegalArgumentException("margin levels need 0 < close-out < call, got close-out "
                    + closeOutLevel + ", call " + callLevel);
        }
    }
}
