package io.heliox.atlas.engine.execution;

/**
 * Where a resting order fills inside one bar, knowing only its open, high and low (the path
 * between them is unknown). Every method returns the fill price before slippage, or NaN when
 * the order does not fill on this bar. {@code buy} is the order's side.
 *
 * <ul>
 *   <li><b>Limit</b> (buy at or below, sell at or above the limit): fills only when the bar
 *       trades at the limit or better — {@code low ≤ limit ≤ high}, at the limit. When the bar
 *       <em>opens</em> already better than the limit (a gap through it), it fills at the open,
 *       as backtrader and LEAN do: the open is the first price anyone could trade.</li>
 *   <li><b>Stop</b> (buy at or above, sell at or below the stop): triggers when the bar
 *       crosses the stop and fills at the stop; when the bar opens beyond the stop (a gap), it
 *       fills at the open, the worse price.</li>
 * </ul>
 */
public final class FillRules {

    private FillRules() {
    }

    public static double limit(boolean buy, double limit, double open, double high, double low) {
        if (buy) {
            if (open <= limit) {
                return open;
            }
            return low <= limit ? limit : Double.NaN;
        }
        if (open >= limit) {
            return open;
        }
        return high >= limit ? limit : Double.NaN;
    }

    public static double stop(boolean buy, double stop, double open, double high, double low) {
        if (buy) {
            if (open >= stop) {
                return open;
            }
            return high >= stop ? stop : Double.NaN;
        }
        if (open <= stop) {
            return open;
        }
        return low <= stop ? stop : Double.NaN;
    }

    /**
     * The exit of an open position with a stop loss and/or a take profit (NaN = not set). A
     * level the bar <em>opens</em> beyond fills first, at the open (no ambiguity: the open is
     * the first price). Otherwise, when both levels lie inside the bar's range, the order in
     * which the market touched them is unknown and the loss is assumed first (pessimistic).
     *
     * @param isLong the position's direction; its exit sells when long, buys when short
     * @return {@link FillReason#STOP_LOSS} or {@link FillReason#TAKE_PROFIT} with the price in
     *         {@code price[0]}, or -1 when neither fills
     */
    public static int exit(boolean isLong, double stopLoss, double takeProfit, double open, double high, double low,
                           double[] price) {
        boolean exitBuys = !isLong;
        boolean hasStop = !Double.isNaN(stopLoss);
        boolean hasTarget = !Double.isNaN(takeProfit);
        if (hasStop && (isLong ? open <= stopLoss : open >= stopLoss)) {
            price[0] = open;
            return FillReason.STOP_LOSS;
        }
        if (hasTarget && (isLong ? open >= takeProfit : open <= takeProfit)) {
            price[0] = open;
            return FillReason.TAKE_PROFIT;
        }
        if (hasStop) {
            double px = stop(exitBuys, stopLoss, open, high, low);
            if (!Double.isNaN(px)) {
                price[0] = px;
                return FillReason.STOP_LOSS;
            }
        }
        if (hasTarget) {
            double px = limit(exitBuys, takeProfit, open, high, low);
            if (!Double.isNaN(px)) {
                price[0] = px;
                return FillReason.TAKE_PROFIT;
            }
        }
        return -1;
    }
}
