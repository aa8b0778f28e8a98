package io.heliox.atlas.trading.live;

import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.execution.ExitLevels;
import io.heliox.atlas.engine.execution.SlippageModel;
import io.heliox.atlas.engine.indicators.Atr;
import io.heliox.atlas.engine.indicators.Indicator;
import io.heliox.atlas.trading.marketdata.Bar;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.execution.ExecutionPort;
import io.heliox.atlas.trading.execution.ExecutionReport;
import io.heliox.atlas.trading.execution.OrderClosed;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.execution.OrderRejected;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.marketdata.BarClosed;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Carries out a strategy's decisions on a venue the way the backtest's {@code Simulator} carries
 * them out (engine/BACKTEST.md, "Execution"), through the {@link ExecutionPort} like any trader:
 * <ul>
 *   <li>a decision at a bar's close that changes the wanted exposure first closes the position
 *       (a reduce-only IOC market order) and then opens the new one (an IOC market order);</li>
 *   <li>the entry is sized as the engine sizes it: {@code fraction × cash / (price × (1 + fee))}
 *       (or a fixed quantity), no more than cash plus the margin allowed, at the price the engine's
 *       slippage gives the close; an entry that would be nothing is not sent;</li>
 *   <li>once an entry fills, its stop loss and take profit (from the entry price, in bps or ATRs,
 *       the nearer of the two when both are set) rest at the venue as reduce-only stop and limit
 *       orders; when one fills, the other is cancelled;</li>
 *   <li>a position held {@code max_bars_held} bars is closed (a time exit); after a position is
 *       closed flat, no entry for {@code cooldown_bars} bars (a reversal in that time only exits);</li>
 *   <li>an account whose equity falls to zero or below is liquidated and trades no more (ruin).</li>
 * </ul>
 *
 * <p>It keeps the account as the engine does, in doubles, from the venue's fills: each fill's
 * quantity, price and fee are exact decimals of doubles, so this ledger repeats the engine's
 * arithmetic step for step, and its sizing, levels and equity are the backtest's to the bit when the
 * venue fills by the engine's rules ({@code EngineRules}). The venue's own account, exact in
 * decimals, is the one that is booked; this one decides.
 *
 * <p>Only market entries without a bar delay: the engine sizes a delayed entry, and a limit or stop
 * entry, at the price it fills at, which no venue lets a trader do (the size goes with the order).
 * A paper venue's latency, not a bar delay, is how a session models the time an order takes.
 *
 * <p>Per bar, in this order: {@link #startBar} before the venue sees the bar (fills during it are
 * this bar's), the venue's reports through {@link #onReport}, then {@link #decide} with the
 * strategy's decision at the bar's close. Single-threaded.
 */
public final class SignalTrader {

    private final Instrument instrument;
    private final ExecutionPort venue;
    private final String ids;
    private final boolean fractionSizing;
    private final double sizingValue;
    private final ExitLevels exits;
    private final int cooldownBars;
    private final int maxBarsHeld;
    private final double feeRate;
    private final double maxMargin;
    private final SlippageModel.Streaming slippage;
    private final Indicator.Step atr;

    // the engine's ledger, in doubles
    private double cash;
    private double qty;
    /** The position exactly as the venue holds it: what exits and protection sell (a double is not a whole number of lots). */
    private BigDecimal held = BigDecimal.ZERO;
    private int entryBar;
    private double stopLevel = Double.NaN;
    private double targetLevel = Double.NaN;

    // the bar and the orders
    private int bar = -1;
    private double close;
    private double slippageBps;
    private double atrNow = Double.NaN;
    private int intended;
    private int lastFlatExit = Integer.MIN_VALUE / 2;
    private boolean ruined;
    private String entryId;
    private String stopLossId;
    private String takeProfitId;
    private int orders;

    /**
     * @param ids the prefix of this trader's client order ids, unique per session (e.g. the session id)
     */
    public SignalTrader(Instrument instrument, IrStrategy.Sizing sizing, IrStrategy.Risk risk, ExecutionConfig config,
                        ExecutionPort venue, String ids) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.ids = Objects.requireNonNull(ids, "ids");
        if (config.barDelay() != 0 || config.entryOrder() != io.heliox.atlas.engine.execution.OrderType.MARKET) {
            throw new IllegalArgumentException("a live trader takes market entries without a bar delay: the engine "
                    + "sizes a delayed, limit or stop entry at its fill price, which no venue allows (bar delay "
                    + config.barDelay() + ", entry " + config.entryOrder() + ")");
        }
        this.fractionSizing = "fraction".equals(sizing.mode());
        this.sizingValue = sizing.value();
        this.exits = ExitLevels.of(risk);
        this.cooldownBars = risk == null || risk.cooldownBars() == null ? 0 : risk.cooldownBars();
        this.maxBarsHeld = risk == null || risk.maxBarsHeld() == null ? Integer.MAX_VALUE : risk.maxBarsHeld();
        this.feeRate = config.feeBps() / 1e4;
        this.maxMargin = config.maxMargin();
        this.slippage = new SlippageModel.Streaming(config.slippageBps(), config.slippageKVol(), config.volWindow());
        this.atr = exits.needsAtr() ? Atr.stream(config.atrPeriod()) : null;
        this.cash = config.initialCash();
    }

    /** Cash in the engine's ledger. */
    public double cash() {
        return cash;
    }

    /** The signed position in the engine's ledger. */
    public double position() {
        return qty;
    }

    /** Cash plus the position marked at the last close: the backtest's equity at this bar. */
    public double equity() {
        return cash + qty * close;
    }

    public boolean isRuined() {
        return ruined;
    }

    /** The bar the venue is about to see: fills reported during it happen on it. */
    public void startBar(BarClosed message) {
        Bar b = message.bar();
        bar++;
        close = b.close();
        slippageBps = slippage.next(b.close());
        if (atr != null) {
            atrNow = atr.next(new Indicator.BarInputs() {
                @Override
                public double series(int index) {
                    throw new UnsupportedOperationException("ATR reads the bar's own prices");
                }

                @Override
                public double high() {
                    return b.high();
                }

                @Override
                public double low() {
                    return b.low();
                }

                @Override
                public double close() {
                    return b.close();
                }
            });
        }
    }

    /** The strategy's decision at this bar's close: the orders it takes, then the ruin check. */
    public void decide(Decision decision) {
        if (!ruined) {
            decideOrders(decision.signal());
            if (cash + qty * close <= 0) {
                ruined = true;
                if (qty != 0) {
                    exit("ruin");
                }
            }
        }
    }

    private void decideOrders(Signal signal) {
        int desired;
        String exit = "exit";
        if (qty != 0 && bar - entryBar >= maxBarsHeld && intended == sign(qty)) {
            desired = 0;
            exit = "time-exit";
        } else {
            switch (signal) {
                case BUY -> desired = 1;
                case SELL -> desired = -1;
                case CLOSE -> desired = 0;
                default -> {
                    return;
                }
            }
        }
        if (desired != 0 && cooldownBars > 0 && bar - lastFlatExit <= cooldownBars) {
            if (intended == 0) {
                return;
            }
            desired = 0;
        }
        if (desired == intended) {
            return;
        }
        intended = desired;
        int current = sign(qty);
        if (desired == current) {
            return;
        }
        if (current != 0) {
            exit(exit);
            if (desired == 0) {
                lastFlatExit = bar;
            }
        }
        if (desired != 0) {
            enter(desired > 0);
        }
    }

    /** Sized as the engine sizes at the fill: the venue fills a market order at close × (1 ± slippage). */
    private void enter(boolean buy) {
        double s = slippageBps / 1e4;
        double fillPx = buy ? close * (1 + s) : close * (1 - s);
        double capacity = cash + maxMargin;
        double perUnit = fillPx * (1 + feeRate);
        double q = fractionSizing ? sizingValue * cash / perUnit : sizingValue;
        q = Math.min(q, capacity / perUnit);
        BigDecimal quantity = q > 0 && capacity > 0 ? lots(q) : BigDecimal.ZERO;
        if (quantity.signum() <= 0) {
            intended = 0; // nothing to buy with: the engine's rejected entry
            return;
        }
        entryId = nextId("entry");
        venue.submit(OrderRequest.market(entryId, instrument.id(), buy ? Side.BUY : Side.SELL, quantity, TimeInForce.IOC));
    }

    private void exit(String why) {
        cancelProtection();
        venue.submit(OrderRequest.market(nextId(why), instrument.id(), qty > 0 ? Side.SELL : Side.BUY,
                held.abs(), TimeInForce.IOC).withReduceOnly(true));
    }

    /** What the venue did: the ledger follows its fills, and a filled entry gets its protection. */
    public void onReport(ExecutionReport report) {
        if (report instanceof OrderFilled filled) {
            book(filled);
        } else if ((report instanceof OrderRejected || report instanceof OrderClosed)
                && report.clientOrderId().equals(entryId) && qty == 0) {
            intended = 0; // the entry never happened
        }
    }

    private void book(OrderFilled filled) {
        Fill f = filled.fill();
        double q = f.quantity().doubleValue();
        double px = f.price().doubleValue();
        double fee = f.fee().doubleValue();
        boolean buy = f.side() == Side.BUY;
        String id = filled.clientOrderId();
        held = held.add(f.signedQuantity());
        if (id.equals(entryId)) {
            cash -= (buy ? q : -q) * px + fee;
            qty += buy ? q : -q;
            entryBar = bar;
            if (filled.isComplete()) {
                protect(buy, px);
            }
            return;
        }
        boolean wasLong = qty > 0;
        cash += (wasLong ? q : -q) * px - fee;
        qty += buy ? q : -q;
        if (held.signum() == 0) {
            // Flat by the exact ledger: what the double ledger kept is its rounding (an exit filled in parts
            // leaves more than one ulp of the last part), and a residue would have the trader exit 0 lots.
            qty = 0;
        }
        if (id.equals(stopLossId) || id.equals(takeProfitId)) {
            String other = id.equals(stopLossId) ? takeProfitId : stopLossId;
            stopLossId = null;
            takeProfitId = null;
            if (other != null) {
                venue.cancel(other);
            }
            lastFlatExit = bar;
            intended = 0;
        }
    }

    /** The stop loss and take profit from the entry price, where the backtest puts them ({@link ExitLevels}). */
    private void protect(boolean isLong, double entry) {
        stopLevel = exits.stopLoss(isLong, entry, atrNow);
        targetLevel = exits.takeProfit(isLong, entry, atrNow);
        BigDecimal quantity = held.abs();
        Side exit = isLong ? Side.SELL : Side.BUY;
        if (!Double.isNaN(stopLevel) && stopLevel > 0) {
            stopLossId = nextId("stop-loss");
            venue.submit(new OrderRequest(stopLossId, instrument.id(), exit, OrderType.STOP,
                    quantity, null, ticks(stopLevel), TimeInForce.GTC, true));
        }
        if (!Double.isNaN(targetLevel) && targetLevel > 0) {
            takeProfitId = nextId("take-profit");
            venue.submit(new OrderRequest(takeProfitId, instrument.id(), exit, OrderType.LIMIT,
                    quantity, ticks(targetLevel), null, TimeInForce.GTC, true));
        }
    }

    private void cancelProtection() {
        if (stopLossId != null) {
            venue.cancel(stopLossId);
            stopLossId = null;
        }
        if (takeProfitId != null) {
            venue.cancel(takeProfitId);
            takeProfitId = null;
        }
    }

    /** Down to whole lots (the double itself when the instrument's lot is finer than its digits). */
    private BigDecimal lots(double quantity) {
        return toStep(new BigDecimal(quantity), instrument.lotSize(), RoundingMode.FLOOR);
    }

    /** To the nearest tick (the double itself when the instrument's tick is finer than its digits). */
    private BigDecimal ticks(double price) {
        return toStep(new BigDecimal(price), instrument.tickSize(), RoundingMode.HALF_EVEN);
    }

    private static BigDecimal toStep(BigDecimal exact, BigDecimal step, RoundingMode rounding) {
        if (step.unscaledValue().equals(java.math.BigInteger.ONE) && exact.scale() <= step.scale()) {
            return exact; // already a whole number of steps: no division of long decimals
        }
        return exact.divide(step, 0, rounding).multiply(step);
    }

    private String nextId(String role) {
        return ids + "-" + bar + "-" + role + "-" + ++orders;
    }

    private static int sign(double quantity) {
        return quantity > 0 ? 1 : quantity < 0 ? -1 : 0;
    }
}
