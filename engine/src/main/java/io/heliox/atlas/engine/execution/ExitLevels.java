package io.heliox.atlas.engine.execution;

import io.heliox.atlas.engine.dsl.ir.IrStrategy;

/**
 * A strategy's stop loss and take profit as prices, from the entry price: in bps of it, or in ATRs
 * away from it, the nearer of the two when both are set (the one the market meets first). One
 * definition for the backtest's {@link Simulator} and for a live trader, so both put the levels at
 * the same price, to the bit.
 *
 * @param stopLossBps   NaN when the strategy has none; likewise the others
 */
public record ExitLevels(double stopLossBps, double takeProfitBps, double stopLossAtr, double takeProfitAtr) {

    /** A strategy's levels; all NaN without a risk block. */
    public static ExitLevels of(IrStrategy.Risk risk) {
        return new ExitLevels(value(risk == null ? null : risk.stopLossBps()),
                value(risk == null ? null : risk.takeProfitBps()), value(risk == null ? null : risk.stopLossAtr()),
                value(risk == null ? null : risk.takeProfitAtr()));
    }

    /** Whether a level is set in ATRs, so the ATR must be computed. */
    public boolean needsAtr() {
        return !Double.isNaN(stopLossAtr) || !Double.isNaN(takeProfitAtr);
    }

    /** The stop loss's price, NaN when none (or only an ATR level while the ATR is still NaN). */
    public double stopLoss(boolean isLong, double entry, double atr) {
        double side = isLong ? 1 : -1;
        double bps = Double.isNaN(stopLossBps) ? Double.NaN : entry * (1 - side * stopLossBps / 1e4);
        double atrs = Double.isNaN(stopLossAtr) || Double.isNaN(atr) ? Double.NaN : entry - side * stopLossAtr * atr;
        return nearer(bps, atrs, isLong);
    }

    /** The take profit's price, NaN when none. */
    public double takeProfit(boolean isLong, double entry, double atr) {
        double side = isLong ? 1 : -1;
        double bps = Double.isNaN(takeProfitBps) ? Double.NaN : entry * (1 + side * takeProfitBps / 1e4);
        double atrs = Double.isNaN(takeProfitAtr) || Double.isNaN(atr) ? Double.NaN : entry + side * takeProfitAtr * atr;
        return nearer(bps, atrs, !isLong);
    }

    /** The level a rising (highIsNearer) or falling market meets first; NaN when neither is set. */
    private static double nearer(double a, double b, boolean highIsNearer) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return highIsNearer ? Math.max(a, b) : Math.min(a, b);
    }

    private static double value(Double setting) {
        return setting == null ? Double.NaN : setting;
    }
}
