package io.heliox.atlas.engine.backtest;

/**
 * Everything one simulation produced, bar by bar and fill by fill. Arrays have one entry per
 * bar, the value after that bar's close.
 *
 * @param equity           cash + position value after each bar
 * @param cash             the cash ledger after each bar (negative only with margin, or after ruin)
 * @param position         signed quantity held after each bar (&lt; 0 = short)
 * @param trades           fills and closed round trips
 * @param barsInPosition   bars that ended with a position open (exposure's numerator)
 * @param ruinBar          the bar where equity reached 0 and the account was liquidated, or −1
 * @param rejectedOrders   entries refused by the cash/margin guard (nothing affordable)
 * @param cancelledEntries LIMIT/STOP entries that expired or were replaced unfilled
 * @param unfilledOrders   decisions whose fill bar lies after the last bar, and entries still
 *                         resting at the end
 */
public record BacktestRun(double initialCash, double[] equity, double[] cash, double[] position, TradeLog trades,
                          int barsInPosition, int ruinBar, int rejectedOrders, int cancelledEntries,
                          int unfilledOrders) {

    public int bars() {
        return equity.length;
    }

    /** Fraction of bars that ended in a position. */
    public double exposure() {
        return equity.length == 0 ? 0 : (double) barsInPosition / equity.length;
    }

    /** The initial cash followed by the equity after every bar: what {@link Metrics} scores. */
    public double[] equityWithStart() {
        double[] curve = new double[equity.length + 1];
        curve[0] = initialCash;
        System.arraycopy(equity, 0, curve, 1, equity.length);
        return curve;
    }

    public Metrics metrics(double periodsPerYear) {
        return Metrics.of(equityWithStart(), trades.roundTripPnls(), exposure(), periodsPerYear);
    }
}
