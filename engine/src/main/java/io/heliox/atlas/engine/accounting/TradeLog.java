package io.heliox.atlas.engine.accounting;

import java.util.Arrays;

/**
 * Fills and closed round trips as primitive columns that grow by doubling, so recording a
 * trade in the simulator's loop allocates nothing per bar (only a rare array copy).
 *
 * <p>Reasons and order types are stored as the executing side's byte codes, so the ledger does
 * not depend on the execution rules that produce its entries.
 */
public final class TradeLog {

    // fills
    private int fills;
    private int[] fillBar;
    private boolean[] fillBuy;
    private double[] fillQty;
    private double[] fillPx;
    private double[] fillFee;
    private double[] fillSlippage;
    private byte[] fillReason;
    private byte[] fillType;

    // round trips (a position from its opening fill to its closing fill)
    private int trips;
    private int[] tripEntryBar;
    private int[] tripExitBar;
    private double[] tripPnl;
    private byte[] tripExitReason;

    /**
     * @param expectedFills a size hint: room for this many fills (and half as many round trips)
     *                      up front, so a busy run does not copy its columns log₂(fills) times
     */
    public TradeLog(int expectedFills) {
        int fillCapacity = Math.max(16, expectedFills);
        int tripCapacity = Math.max(8, expectedFills / 2 + 1);
        fillBar = new int[fillCapacity];
        fillBuy = new boolean[fillCapacity];
        fillQty = new double[fillCapacity];
        fillPx = new double[fillCapacity];
        fillFee = new double[fillCapacity];
        fillSlippage = new double[fillCapacity];
        fillReason = new byte[fillCapacity];
        fillType = new byte[fillCapacity];
        tripEntryBar = new int[tripCapacity];
        tripExitBar = new int[tripCapacity];
        tripPnl = new double[tripCapacity];
        tripExitReason = new byte[tripCapacity];
    }

    public void fill(int bar, boolean buy, double qty, double px, double fee, double slippage, byte reason, byte orderType) {
        if (fills == fillBar.length) {
            int size = fills * 2;
            fillBar = Arrays.copyOf(fillBar, size);
            fillBuy = Arrays.copyOf(fillBuy, size);
            fillQty = Arrays.copyOf(fillQty, size);
            fillPx = Arrays.copyOf(fillPx, size);
            fillFee = Arrays.copyOf(fillFee, size);
            fillSlippage = Arrays.copyOf(fillSlippage, size);
            fillReason = Arrays.copyOf(fillReason, size);
            fillType = Arrays.copyOf(fillType, size);
        }
        fillBar[fills] = bar;
        fillBuy[fills] = buy;
        fillQty[fills] = qty;
        fillPx[fills] = px;
        fillFee[fills] = fee;
        fillSlippage[fills] = slippage;
        fillReason[fills] = reason;
        fillType[fills] = orderType;
        fills++;
    }

    public void roundTrip(int entryBar, int exitBar, double pnl, byte exitReason) {
        if (trips == tripEntryBar.length) {
            int size = trips * 2;
            tripEntryBar = Arrays.copyOf(tripEntryBar, size);
            tripExitBar = Arrays.copyOf(tripExitBar, size);
            tripPnl = Arrays.copyOf(tripPnl, size);
            tripExitReason = Arrays.copyOf(tripExitReason, size);
        }
        tripEntryBar[trips] = entryBar;
        tripExitBar[trips] = exitBar;
        tripPnl[trips] = pnl;
        tripExitReason[trips] = exitReason;
        trips++;
    }

    public int fillCount() {
        return fills;
    }

    public int fillBar(int i) {
        return fillBar[i];
    }

    public boolean fillIsBuy(int i) {
        return fillBuy[i];
    }

    public double fillQty(int i) {
        return fillQty[i];
    }

    /** Fill price, slippage included. */
    public double fillPx(int i) {
        return fillPx[i];
    }

    public double fillFee(int i) {
        return fillFee[i];
    }

    /** What slippage cost on this fill, in account currency (≥ 0). */
    public double fillSlippage(int i) {
        return fillSlippage[i];
    }

    public byte fillReason(int i) {
        return fillReason[i];
    }

    /** The order type's code, see {@code OrderType.of}. */
    public byte fillType(int i) {
        return fillType[i];
    }

    public int roundTripCount() {
        return trips;
    }

    public int tripEntryBar(int i) {
        return tripEntryBar[i];
    }

    public int tripExitBar(int i) {
        return tripExitBar[i];
    }

    /** Net PnL of the round trip: price difference times quantity, minus both fills' fees. */
    public double tripPnl(int i) {
        return tripPnl[i];
    }

    public byte tripExitReason(int i) {
        return tripExitReason[i];
    }

    /** The closed round trips' net PnLs, the input of win rate and profit factor. */
    public double[] roundTripPnls() {
        return Arrays.copyOf(tripPnl, trips);
    }
}
