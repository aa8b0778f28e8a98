package io.heliox.atlas.trading.marketdata;

import java.time.Instant;
import java.util.Objects;

/**
 * One closed bar as a market-data feed delivers it to the runner. Prices are doubles because the
 * engine's strategy semantics are defined on doubles (the backtest's bars are doubles): money in
 * the account stays exact, signals are computed exactly as the backtest computes them.
 *
 * @param openTime when the bar opened; the runner takes bars in strictly increasing open time
 */
public record Bar(Instant openTime, double open, double high, double low, double close, double volume) {

    public Bar {
        Objects.requireNonNull(openTime, "openTime");
    }
}
