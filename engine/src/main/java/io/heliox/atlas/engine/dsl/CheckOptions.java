package io.heliox.atlas.engine.dsl;

/**
 * What the static checks assume about the backtest to come.
 *
 * @param seriesBars  bars of history the strategy will run on; an indicator whose warm-up needs
 *                    that many bars or more never produces a value and is refused
 * @param maxFixedQty the largest fixed_qty sizing accepted
 */
public record CheckOptions(int seriesBars, double maxFixedQty) {

    /** 1000 bars: the length of the default synthetic scenario (MOCK T0 backtests use it too). */
    public static final CheckOptions DEFAULTS = new CheckOptions(1000, 1_000_000);

    public CheckOptions {
        if (seriesBars < 2) {
            throw new IllegalArgumentException("seriesBars must be at least 2, was " + seriesBars);
        }
    }
}
