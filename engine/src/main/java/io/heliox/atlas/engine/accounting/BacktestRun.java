package io.heliox.atlas.engine.accounting;

/**
 * Everything one simulation produced, bar by bar and fill by fill. Arrays have one entry per
 * bar, the value after that bar's close.
 *
 * <p>Only equity is stored per bar. Cash and position change only at fills, so {@link #cash()}
 * and {@link #position()} rebuild them from the trade log on demand: writing three columns per
 * bar was most of a simulation's cost (memory traffic, measured), for two that few readers need.
 *
 * @param equity           cash + position value after each bar
 * @param trades           fills and closed round trips
 * @param barsInPosition   bars that ended with a position open (exposure's numerator)
 * @param ruinBar          the bar where equity reached 0 and the account was liquidated, or −1
 * @param rejectedOrders   entries refused by the cash/margin guard (nothing affordable)
 * @param cancelledEntries LIMIT/STOP entries that expired or were replaced unfilled
 * @param unfilledOrders   decisions whose fill bar lies after the last bar, and entries still
 *                         resting at the end
 */
public record BacktestRun(double initialCash, double[] equity, TradeLog trades,
                          int barsInPosition, int ruinBar, int rejectedOrders, int cancelledEntries,
                          int unfilledOrders) {

    public int bars() {
        return equity.length;
    }

    /** The cash ledger after each bar (negative only with margin, or at ruin), rebuilt from the fills. */
    public double[] cash() {
        return ledger(true);
    }

    /** Signed quantity held after each bar (&lt; 0 = short), rebuilt from the fills. */
    public double[] position() {
        return ledger(false);
    }

    /** Position after the last bar (0 without bars). */
    public double finalPosition() {
        double position = 0;
        for (int i = 0; i < trades.fillCount(); i++) {
            position += trades.fillIsBuy(i) ? trades.fillQty(i) : -trades.fillQty(i);
        }
        return position;
    }

    private double[] ledger(boolean cash) {
        double[] out = new double[equity.length];
        double value = cash ? initialCash : 0;
        int fill = 0;
        for (int t = 0; t < out.length; t++) {
            while (fill < trades.fillCount() && trades.fillBar(fill) == t) {
                double signed = trades.fillIsBuy(fill) ? trades.fillQty(fill) : -trades.fillQty(fill);
                // the simulator's booking, operation for operation (so the same bits): cash −= side·qty·px
                // + fee; position += side·qty (fills open from flat or close whole, so this returns to 0)
                value = cash ? value - (signed * trades.fillPx(fill) + trades.fillFee(fill)) : value + signed;
                fill++;
            }
            out[t] = value;
        }
        return out;
    }

    /** Fraction of bars that ended in a position. */
    public double exposure() {
        return equity.length == 0 ? 0 : (double) barsInPosition / equity.length;
    }

    /** The initial cash followed by the equity after every bar: what the analytics score. */
    public double[] equityWithStart() {
        double[] curve = new double[equity.length + 1];
        curve[0] = initialCash;
        System.arraycopy(equity, 0, curve, 1, equity.length);
        return curve;
    }
}
