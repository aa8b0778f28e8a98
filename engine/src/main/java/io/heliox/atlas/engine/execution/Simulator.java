package io.heliox.atlas.engine.execution;

import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.accounting.TradeLog;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.indicators.Atr;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.signals.BarAction;
import io.heliox.atlas.engine.signals.SignalEvaluator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Turns a strategy's per-bar decisions into orders, fills, a cash ledger and an equity curve
 * (engine/BACKTEST.md, "Execution" states every rule below with its reason).
 *
 * <p>Within bar t, in this order:
 * <ol>
 *   <li>resting orders meet the bar's range: the open position's stop loss and take profit
 *       ({@link FillRules#exit}, pessimistic when both are inside the range), then a resting
 *       LIMIT/STOP entry;</li>
 *   <li>the market order decided {@code barDelay} bars ago fills at this bar's close;</li>
 *   <li>the decision at this close: the time exit ({@code max_bars_held}) first, else the
 *       first rule that holds; {@code buy} = be long, {@code sell} = be short, {@code close} =
 *       be flat; a decision that changes nothing is not an order. With no delay it fills now;</li>
 *   <li>the account is marked at the close; equity ≤ 0 is ruin: liquidate, stop trading.</li>
 * </ol>
 *
 * <p>One instance per run; the loop allocates nothing per bar (fills go to {@link TradeLog}'s
 * primitive columns).
 */
public final class Simulator {

    private static final byte NO_ORDER = Byte.MIN_VALUE;
    /** Eight decisions read as one long: zero means eight bars on which no rule holds. */
    private static final VarHandle DECISION_WORDS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] actions;
    private final Bars bars;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final ExecutionConfig config;
    private final boolean fractionSizing;
    private final double sizingValue;
    private final ExitLevels exits;
    private final int cooldownBars;
    private final int maxBarsHeld;
    private final double[] slippageBps; // null when constant (k_vol = 0)
    private final double[] atr;
    private final double feeRate;
    private final double constantSlip; // config.slippageBps() / 1e4, divided once rather than per fill
    private final double entryOffset;  // config.entryOffsetBps() / 1e4

    // account
    private double cash;
    private double qty; // signed
    private double avgPx;
    private int entryBar;
    private double entryFee;
    private double stopLevel = Double.NaN;
    private double targetLevel = Double.NaN;
    private final double[] exitPrice = new double[1];

    // orders
    private int intended; // −1, 0, 1: the position once every sent order has filled
    private final byte[] pendingTarget; // ring indexed by fill bar % (barDelay + 1)
    private final byte[] pendingReason;
    private int pendingCount;
    private boolean resting;
    private boolean restingBuy;
    private double restingPx;
    private int restingPlaced;
    private int lastFlatExit = Integer.MIN_VALUE / 2;

    // outcome
    private final TradeLog log;
    private int barsInPosition;
    private int ruinBar = -1;
    private int rejected;
    private int cancelled;
    private int unfilled;

    private Simulator(byte[] actions, IrStrategy.Sizing sizing, IrStrategy.Risk risk, Bars bars, ExecutionConfig config) {
        if (actions.length != bars.size()) {
            throw new IllegalArgumentException("one action per bar: " + actions.length + " actions, " + bars.size() + " bars");
        }
        this.actions = actions;
        this.log = new TradeLog(decisionChanges(actions));
        this.bars = bars;
        this.open = bars.open();
        this.high = bars.high();
        this.low = bars.low();
        this.close = bars.close();
        this.config = config;
        this.fractionSizing = "fraction".equals(sizing.mode());
        this.sizingValue = sizing.value();
        this.exits = ExitLevels.of(risk);
        this.cooldownBars = risk == null || risk.cooldownBars() == null ? 0 : risk.cooldownBars();
        this.maxBarsHeld = risk == null || risk.maxBarsHeld() == null ? Integer.MAX_VALUE : risk.maxBarsHeld();
        // a column only when slippage varies with volatility; a constant needs no array per run
        this.slippageBps = config.slippageKVol() == 0 ? null
                : SlippageModel.bps(close, config.slippageBps(), config.slippageKVol(), config.volWindow());
        this.atr = exits.needsAtr() ? Atr.of(high, low, close, config.atrPeriod()) : null;
        this.feeRate = config.feeBps() / 1e4;
        this.constantSlip = config.slippageBps() / 1e4;
        this.entryOffset = config.entryOffsetBps() / 1e4;
        this.cash = config.initialCash();
        this.pendingTarget = new byte[config.barDelay() + 1];
        this.pendingReason = new byte[config.barDelay() + 1];
        java.util.Arrays.fill(pendingTarget, NO_ORDER);
    }

    /** Evaluates the strategy's rules over the bars and simulates them. */
    public static BacktestRun run(IrStrategy strategy, Bars bars, ExecutionConfig config) {
        return run(SignalEvaluator.evaluate(strategy, bars), strategy.sizing(), strategy.risk(), bars, config);
    }

    /** Simulates precomputed decisions ({@link BarAction} codes, one per bar). */
    public static BacktestRun run(byte[] actions, IrStrategy.Sizing sizing, IrStrategy.Risk risk, Bars bars,
                                  ExecutionConfig config) {
        return new Simulator(actions, sizing, risk, bars, config).simulate();
    }

    /**
     * How often the decided order changes (buy, sell or close unlike the previous one; none and
     * hold skipped): about one fill each, so the trade log's size hint. Measured: a crossover that
     * fills every 25 bars spent a tenth of its simulation copying a log that grew by doubling.
     */
    static int decisionChanges(byte[] actions) {
        int changes = 0;
        byte last = BarAction.NONE;
        int t = 0;
        while (t < actions.length) {
            if (t + Long.BYTES <= actions.length && (long) DECISION_WORDS.get(actions, t) == 0) {
                t += Long.BYTES; // eight bars on which no rule holds: most of a run
                continue;
            }
            byte action = actions[t];
            if (action != BarAction.NONE && action != BarAction.HOLD && action != last) {
                changes++;
                last = action;
            }
            t++;
        }
        return changes;
    }

    private BacktestRun simulate() {
        int n = bars.size();
        double[] equity = new double[n];
        int t = 0;
        while (t < n) {
            t = quietStretch(t, n, equity);
            if (t < n) {
                bar(t, equity);
                t++;
            }
        }
        unfilled += pendingCount + (resting ? 1 : 0);
        return new BacktestRun(config.initialCash(), equity, log, barsInPosition, ruinBar,
                rejected, cancelled, unfilled);
    }

    /**
     * Marks the account on the bars from {@code from} where nothing can happen, and returns the
     * first bar that needs {@link #bar}: most bars of a backtest have no decision, no pending or
     * resting order and no exit level, and on those the whole of {@link #bar} reduces to
     * {@code cash + qty · close}. Cash and quantity live in locals for the stretch, so this is one
     * tight loop instead of the full bar logic reading the account's fields on every bar.
     */
    private int quietStretch(int from, int n, double[] equity) {
        if (ruinBar >= 0) { // ruin is absorbing: flat, nothing trades again
            java.util.Arrays.fill(equity, from, n, cash);
            return n;
        }
        if (resting || pendingCount > 0
                || (qty != 0 && (!Double.isNaN(stopLevel) || !Double.isNaN(targetLevel)))) {
            return from;
        }
        // a time exit is due at entryBar + maxBarsHeld (maxBarsHeld may be Integer.MAX_VALUE)
        int limit = qty == 0 ? n : (int) Math.min(n, (long) entryBar + maxBarsHeld);
        double c = cash;
        double q = qty;
        int t = from;
        while (t < limit) {
            byte action = actions[t];
            if (action != BarAction.NONE && action != BarAction.HOLD) {
                break;
            }
            double value = c + q * close[t];
            if (!(value > 0)) { // possible ruin: the full bar decides
                break;
            }
            equity[t] = value;
            t++;
        }
        if (q != 0) {
            barsInPosition += t - from;
        }
        return t;
    }

    /** Bar t with every rule of the class comment applied. */
    private void bar(int t, double[] equity) {
        if (ruinBar < 0) {
            if (qty != 0 && entryBar < t) {
                riskExit(t);
            }
            if (resting && t > restingPlaced) {
                restingEntry(t);
            }
            if (pendingCount > 0) { // t % ring is a division: only while an order is pending
                int slot = t % pendingTarget.length;
                if (pendingTarget[slot] != NO_ORDER) {
                    byte target = pendingTarget[slot];
                    pendingTarget[slot] = NO_ORDER;
                    pendingCount--;
                    execute(t, target, pendingReason[slot]);
                }
            }
            decide(t);
        }
        double value = cash + qty * close[t];
        if (ruinBar < 0 && value <= 0) {
            if (qty != 0) {
                closePosition(t, close[t], OrderType.MARKET, FillReason.RUIN);
            }
            ruinBar = t;
            value = cash;
        }
        equity[t] = value;
        if (qty != 0) {
            barsInPosition++;
        }
    }

    private void decide(int t) {
        int desired;
        byte reason = FillReason.SIGNAL;
        if (qty != 0 && t - entryBar >= maxBarsHeld && intended == sign(qty)) {
            desired = 0;
            reason = FillReason.TIME_EXIT;
        } else {
            switch (actions[t]) {
                case BarAction.BUY -> desired = 1;
                case BarAction.SELL -> desired = -1;
                case BarAction.CLOSE -> desired = 0;
                default -> {
                    return; // none or hold: no decision
                }
            }
        }
        if (desired != 0 && cooldownBars > 0 && t - lastFlatExit <= cooldownBars) {
            if (intended == 0) {
                return; // cooling down: no entry
            }
            desired = 0; // a reversal during cooldown only exits
        }
        if (desired == intended) {
            return;
        }
        intended = desired;
        if (resting) { // a new decision replaces an entry that has not filled
            resting = false;
            cancelled++;
        }
        int fillBar = t + config.barDelay();
        if (fillBar == t) {
            execute(t, (byte) desired, reason);
        } else if (fillBar < bars.size()) {
            int slot = fillBar % pendingTarget.length;
            pendingTarget[slot] = (byte) desired;
            pendingReason[slot] = reason;
            pendingCount++;
        } else {
            unfilled++;
        }
    }

    /** Moves the position to {@code target} (−1, 0, 1) at this bar's close. */
    private void execute(int t, byte target, byte reason) {
        int current = sign(qty);
        if (target == current) {
            return;
        }
        if (current != 0) {
            closePosition(t, close[t], OrderType.MARKET, reason);
            if (target == 0) {
                lastFlatExit = t;
            }
        }
        if (target == 0) {
            return;
        }
        boolean buy = target > 0;
        double offset = entryOffset;
        switch (config.entryOrder()) {
            case MARKET -> openPosition(t, buy, close[t], OrderType.MARKET);
            case LIMIT -> rest(t, buy, close[t] * (buy ? 1 - offset : 1 + offset));
            case STOP -> rest(t, buy, close[t] * (buy ? 1 + offset : 1 - offset));
        }
    }

    private void rest(int t, boolean buy, double price) {
        resting = true;
        restingBuy = buy;
        restingPx = price;
        restingPlaced = t;
    }

    private void restingEntry(int t) {
        if (t > restingPlaced + config.entryValidBars()) {
            resting = false;
            cancelled++;
            if (pendingCount == 0) {
                intended = 0;
            }
            return;
        }
        double px = config.entryOrder() == OrderType.LIMIT
                ? FillRules.limit(restingBuy, restingPx, open[t], high[t], low[t])
                : FillRules.stop(restingBuy, restingPx, open[t], high[t], low[t]);
        if (!Double.isNaN(px)) {
            resting = false;
            openPosition(t, restingBuy, px, config.entryOrder());
        }
    }

    private void riskExit(int t) {
        if (Double.isNaN(stopLevel) && Double.isNaN(targetLevel)) {
            return;
        }
        int reason = FillRules.exit(qty > 0, stopLevel, targetLevel, open[t], high[t], low[t], exitPrice);
        if (reason < 0) {
            return;
        }
        closePosition(t, exitPrice[0], reason == FillReason.STOP_LOSS ? OrderType.STOP : OrderType.LIMIT, (byte) reason);
        lastFlatExit = t;
        if (pendingCount == 0) {
            intended = 0;
        }
    }

    /** Slippage as a fraction for an order of this type at bar t: none for a limit, whose price is guaranteed. */
    private double slip(int t, OrderType type) {
        if (type == OrderType.LIMIT) {
            return 0;
        }
        return slippageBps == null ? constantSlip : slippageBps[t] / 1e4;
    }

    private void openPosition(int t, boolean buy, double price, OrderType type) {
        double s = slip(t, type);
        double fillPx = buy ? price * (1 + s) : price * (1 - s);
        double capacity = cash + config.maxMargin(); // what the guard lets this fill use (flat: cash = equity)
        double perUnit = fillPx * (1 + feeRate);
        double q = fractionSizing ? sizingValue * cash / perUnit : sizingValue;
        q = Math.min(q, capacity / perUnit);
        if (!(q > 0) || !(capacity > 0)) {
            rejected++;
            if (pendingCount == 0) {
                intended = 0;
            }
            return;
        }
        double fee = q * fillPx * feeRate;
        cash -= (buy ? q : -q) * fillPx + fee;
        qty = buy ? q : -q;
        avgPx = fillPx;
        entryBar = t;
        entryFee = fee;
        setExitLevels(t, buy, fillPx);
        log.fill(t, buy, q, fillPx, fee, q * Math.abs(fillPx - price), FillReason.SIGNAL, type.code());
    }

    /** Stop loss and take profit from the entry price ({@link ExitLevels}); the ATR is NaN in its warm-up. */
    private void setExitLevels(int t, boolean isLong, double entry) {
        double a = atr == null ? Double.NaN : atr[t];
        stopLevel = exits.stopLoss(isLong, entry, a);
        targetLevel = exits.takeProfit(isLong, entry, a);
    }

    private void closePosition(int t, double price, OrderType type, byte reason) {
        boolean isLong = qty > 0;
        double q = Math.abs(qty);
        double s = slip(t, type);
        double fillPx = isLong ? price * (1 - s) : price * (1 + s);
        double fee = q * fillPx * feeRate;
        cash += (isLong ? q : -q) * fillPx - fee;
        double pnl = (isLong ? fillPx - avgPx : avgPx - fillPx) * q - entryFee - fee;
        log.fill(t, !isLong, q, fillPx, fee, q * Math.abs(fillPx - price), reason, type.code());
        log.roundTrip(entryBar, t, pnl, reason);
        qty = 0;
        stopLevel = Double.NaN;
        targetLevel = Double.NaN;
    }

    private static int sign(double quantity) {
        return quantity > 0 ? 1 : quantity < 0 ? -1 : 0;
    }
}
