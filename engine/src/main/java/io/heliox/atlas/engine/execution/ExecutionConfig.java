package io.heliox.atlas.engine.execution;

/**
 * The market's terms for one backtest: money, costs, latency, margin and how entries are
 * placed. Everything here is part of the result signature (backtest.ResultSignature).
 *
 * @param initialCash    account value at the start, &gt; 0
 * @param feeBps         commission per fill, in basis points of the fill's notional, 0..1000
 * @param slippageBps    base slippage in bps, 0..1000: market and stop fills trade this much worse
 * @param slippageKVol   k_vol, 0..100: slippage grows by k_vol · σ (in bps), σ the rolling standard
 *                       deviation of close-to-close returns over {@code volWindow} bars
 * @param volWindow      bars in σ's window, 2..5000
 * @param barDelay       bars between a decision (at a bar's close) and its market fill (at a later
 *                       bar's close), 0..1000
 * @param maxMargin      how far cash may go below 0, in account currency, ≥ 0 (0 = margin off:
 *                       cash never goes below 0 by a fill)
 * @param entryOrder     how an entry is placed: MARKET at the fill bar's close, or a LIMIT/STOP
 *                       resting {@code entryOffsetBps} away from that close for {@code entryValidBars}
 * @param entryOffsetBps distance of a LIMIT (better) or STOP (worse, a breakout) entry, 0..5000
 * @param entryValidBars bars a LIMIT/STOP entry rests before it is cancelled, 1..10000
 * @param atrPeriod      ATR window for {@code stop_loss_atr}/{@code take_profit_atr}, 1..5000
 */
public record ExecutionConfig(double initialCash, double feeBps, double slippageBps, double slippageKVol, int volWindow,
                              int barDelay, double maxMargin, OrderType entryOrder, double entryOffsetBps,
                              int entryValidBars, int atrPeriod) {

    public static final int DEFAULT_VOL_WINDOW = 20;
    public static final int DEFAULT_ATR_PERIOD = 14;

    public ExecutionConfig {
        require(initialCash > 0 && initialCash <= 1e12, "initialCash must be in (0, 1e12]");
        require(feeBps >= 0 && feeBps <= 1000, "feeBps must be in [0, 1000]");
        require(slippageBps >= 0 && slippageBps <= 1000, "slippageBps must be in [0, 1000]");
        require(slippageKVol >= 0 && slippageKVol <= 100, "slippageKVol must be in [0, 100]");
        require(volWindow >= 2 && volWindow <= 5000, "volWindow must be in [2, 5000]");
        require(barDelay >= 0 && barDelay <= 1000, "barDelay must be in [0, 1000]");
        require(maxMargin >= 0 && maxMargin <= 1e12, "maxMargin must be in [0, 1e12]");
        require(entryOrder != null, "entryOrder is required");
        require(entryOffsetBps >= 0 && entryOffsetBps <= 5000, "entryOffsetBps must be in [0, 5000]");
        require(entryValidBars >= 1 && entryValidBars <= 10_000, "entryValidBars must be in [1, 10000]");
        require(atrPeriod >= 1 && atrPeriod <= 5000, "atrPeriod must be in [1, 5000]");
    }

    /** Market entries, no costs, no delay, no margin. */
    public static ExecutionConfig of(double initialCash) {
        return new ExecutionConfig(initialCash, 0, 0, 0, DEFAULT_VOL_WINDOW, 0, 0, OrderType.MARKET, 0, 1,
                DEFAULT_ATR_PERIOD);
    }

    public ExecutionConfig withCosts(double feeBps, double slippageBps) {
        return new ExecutionConfig(initialCash, feeBps, slippageBps, slippageKVol, volWindow, barDelay, maxMargin,
                entryOrder, entryOffsetBps, entryValidBars, atrPeriod);
    }

    public ExecutionConfig withVolSlippage(double kVol, int window) {
        return new ExecutionConfig(initialCash, feeBps, slippageBps, kVol, window, barDelay, maxMargin, entryOrder,
                entryOffsetBps, entryValidBars, atrPeriod);
    }

    public ExecutionConfig withBarDelay(int bars) {
        return new ExecutionConfig(initialCash, feeBps, slippageBps, slippageKVol, volWindow, bars, maxMargin,
                entryOrder, entryOffsetBps, entryValidBars, atrPeriod);
    }

    public ExecutionConfig withMaxMargin(double margin) {
        return new ExecutionConfig(initialCash, feeBps, slippageBps, slippageKVol, volWindow, barDelay, margin,
                entryOrder, entryOffsetBps, entryValidBars, atrPeriod);
    }

    public ExecutionConfig withEntry(OrderType type, double offsetBps, int validBars) {
        return new ExecutionConfig(initialCash, feeBps, slippageBps, slippageKVol, volWindow, barDelay, maxMargin,
                type, offsetBps, validBars, atrPeriod);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
