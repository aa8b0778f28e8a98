package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Position;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.instrument.Instruments;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.order.TradingState;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The risk limits of one scope (an account, or a session), as pure functions: a pre-trade
 * {@link #check} of every order and {@link #checkModify} of every modify, and monitoring
 * ({@link #monitor}, {@link #onEquity}) that turns equity and margin into state changes, warnings and
 * close-outs as {@link RiskEvent} records for an aggregate to record and apply. Nothing here keeps
 * state between calls; the engine is immutable and may be shared.
 *
 * <h2>Pre-trade</h2>
 * The checks run in this order; the first that fails is the answer:
 * <ol>
 *   <li>HALTED: nothing new, no modify ({@code risk.halted}); cancels are never checked at all, so a
 *       halt, a throttle or a limit can never keep anyone from getting out;</li>
 *   <li>the instrument: unknown, or quoted in another currency than the limits';</li>
 *   <li>the order rate (submits, or modifies, in the sliding window), then open orders (the new one
 *       counted: a market order is working too until it fills);</li>
 *   <li>the fat-finger band: each limit and stop price at most the band's percent from the mark;</li>
 *   <li>the order's notional: quantity × its limit, its stop, or the mark for a market order;</li>
 *   <li>REDUCING: see below;</li>
 *   <li>the position, then gross and net exposure, each in the worst case, below.</li>
 * </ol>
 *
 * <p><b>Worst case, working orders counted.</b> Risk cannot know which working orders will fill, so it
 * assumes the worst: an instrument's position may end anywhere in
 * {@code [position − working sells, position + working buys]}, partial fills included, and its
 * worst absolute position is the larger end, {@code max(|position + buys|, |position − sells|)}.
 * Gross exposure is Σ worst × mark; net exposure is the larger of |Σ (position + buys) × mark| and
 * |Σ (position − sells) × mark| (a sum of quantities each free in an interval is largest at the
 * ends). Checking only positions would let ten working buys of 100 pass a limit of 100 one by one.
 * An order is denied by a limit when it takes the worst case beyond the limit <em>and</em> raises it:
 * after a limit is lowered below a position, or marks move exposure past it, orders that do not add
 * to it (a reduction) still pass. So the worst case moves past a limit only with the marks, never by
 * an order or a fill.
 *
 * <p><b>Reduces.</b> In REDUCING an order passes only when it is on the side opposite a non-zero
 * position and the working orders on its side, it included, add up to no more than the position: if
 * every one of them fills the position reaches at most zero, never flips, and no order on the
 * position's own side is allowed. Its worst absolute position can therefore only shrink.
 *
 * <h2>Monitoring</h2>
 * After every mark and every fill the owner calls {@link #monitor} (or {@link #onEquity} with an
 * equity it has computed). In order:
 * <ol>
 *   <li>a new {@link TradingDay} starts the day's loss count at the equity now and ends the day
 *       before's daily loss tiers (a HALTED for the day becomes ACTIVE);</li>
 *   <li>a new equity high is the session's peak;</li>
 *   <li>the day's loss (start equity − equity): past {@code warn} a warning, past {@code reduce}
 *       REDUCING, past {@code halt} HALTED, each at most once a day and never relaxed within it;</li>
 *   <li>the drawdown (peak − equity) past {@code maxDrawdown × peak}: HALTED until a person
 *       {@link #resume resumes} trading;</li>
 *   <li>the margin level (equity ÷ margin used) below the call level: REDUCING while it stays
 *       there; below the close-out level: REDUCING and a {@link CloseOutRequested}.</li>
 * </ol>
 * Every change of the derived trading state is followed by a {@link TradingStateChanged} naming the
 * limit that caused it, and a change to HALTED by a {@link CancelOrdersRequested} listing every open
 * order. The events, applied in order, give the update's state ({@link RiskState#apply}), so an
 * aggregate that records them rebuilds the same state on replay.
 *
 * <p><b>Allocation.</b> A check walks the account's positions and the open orders' per-instrument
 * sums (no streams, no copies, no strings); an allowed order allocates nothing but BigDecimal
 * arithmetic and shares {@link Allowed#ALLOWED}.
 */
public final class RiskEngine {

    /** How a ratio reported in a denial or an event (percent, fraction, margin level) is rounded; never a decision. */
    static final MathContext REPORTED = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RiskLimits limits;
    private final Instruments instruments;

    public RiskEngine(RiskLimits limits, Instruments instruments) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
    }

    public RiskLimits limits() {
        return limits;
    }

    /** Each set limit's value beside what the scope uses of it now: see {@link RiskUsage#measure}. */
    public RiskUsage usage(RiskState state, RiskContext context) {
        return RiskUsage.measure(limits, instruments, state, context);
    }

    // ---- pre-trade ----------------------------------------------------------------------------

    /** Whether a new order may be sent. Reads the context, changes nothing. */
    public RiskCheck check(OrderRequest order, RiskContext context) {
        if (context.state() == TradingState.HALTED) {
            return new Denied(RiskLimit.TRADING_HALTED, BigDecimal.ZERO, order.quantity(), order);
        }
        Instrument instrument = instruments.find(order.instrumentId()).orElse(null);
        RiskCheck denied = checkInstrument(order, instrument);
        if (denied != null) {
            return denied;
        }
        if (!context.submits().admits(context.now())) {
            return new Denied(RiskLimit.MAX_SUBMIT_RATE, BigDecimal.valueOf(context.submits().limit().count()),
                    BigDecimal.valueOf(context.submits().countAt(context.now()) + 1L), order);
        }
        Integer maxOpen = limits.maxOpenOrders();
        if (maxOpen != null && context.openOrders().count() + 1 > maxOpen) {
            return new Denied(RiskLimit.MAX_OPEN_ORDERS, BigDecimal.valueOf(maxOpen),
                    BigDecimal.valueOf(context.openOrders().count() + 1L), order);
        }
        return checkTerms(order, context, BigDecimal.ZERO, order.quantity());
    }

    /**
     * Whether an open order may be modified: checked as the order it would become, its old remainder
     * taken off the working orders first. Not open in the context: {@code risk.order_unknown}.
     */
    public RiskCheck checkModify(ModifyRequest modify, RiskContext context) {
        OpenOrder open = context.openOrders().find(modify.orderId()).orElse(null);
        if (open == null) {
            return new Denied(RiskLimit.ORDER_UNKNOWN, null, null, null);
        }
        OrderRequest after = open.asRequest(modify.quantity(),
                modify.limitPrice() != null ? modify.limitPrice() : open.limitPrice(),
                modify.stopPrice() != null ? modify.stopPrice() : open.stopPrice());
        BigDecimal remainingAfter = modify.quantity().subtract(open.filled()).max(BigDecimal.ZERO);
        if (context.state() == TradingState.HALTED) {
            return new Denied(RiskLimit.TRADING_HALTED, BigDecimal.ZERO, remainingAfter, after);
        }
        if (!context.modifies().admits(context.now())) {
            return new Denied(RiskLimit.MAX_MODIFY_RATE, BigDecimal.valueOf(context.modifies().limit().count()),
                    BigDecimal.valueOf(context.modifies().countAt(context.now()) + 1L), after);
        }
        return checkTerms(after, context, open.remaining(), remainingAfter);
    }

    private RiskCheck checkInstrument(OrderRequest order, Instrument instrument) {
        if (instrument == null) {
            return new Denied(RiskLimit.INSTRUMENT_UNKNOWN, null, null, order);
        }
        if (!instrument.quoteCurrency().equals(limits.currency())) {
            return new Denied(RiskLimit.CURRENCY, null, null, order);
        }
        return null;
    }

    /**
     * Band, notional, REDUCING, position and exposure of an order that takes {@code replaced} off its
     * side's working quantity (a modify's old remainder; 0 for a new order) and adds {@code adding}.
     */
    private RiskCheck checkTerms(OrderRequest order, RiskContext context, BigDecimal replaced, BigDecimal adding) {
        InstrumentId id = order.instrumentId();
        BigDecimal mark = context.marks().get(id);
        RiskCheck denied = checkPrices(order, mark);
        if (denied != null) {
            return denied;
        }
        BigDecimal position = context.account().quantity(id);
        OpenOrders open = context.openOrders();
        BigDecimal buying = open.buying(id);
        BigDecimal selling = open.selling(id);
        boolean buy = order.side() == Side.BUY;
        BigDecimal buyingAfter = buy ? buying.subtract(replaced).add(adding) : buying;
        BigDecimal sellingAfter = buy ? selling : selling.subtract(replaced).add(adding);

        if (context.state() == TradingState.REDUCING) {
            BigDecimal againstPosition = buy ? buyingAfter : sellingAfter;
            boolean opposite = position.signum() == -order.side().sign();
            if (!opposite || againstPosition.compareTo(position.abs()) > 0) {
                return new Denied(RiskLimit.TRADING_REDUCING, position.abs(), againstPosition, order);
            }
        }

        BigDecimal highBefore = position.add(buying);
        BigDecimal lowBefore = position.subtract(selling);
        BigDecimal highAfter = position.add(buyingAfter);
        BigDecimal lowAfter = position.subtract(sellingAfter);
        BigDecimal worstBefore = highBefore.abs().max(lowBefore.abs());
        BigDecimal worstAfter = highAfter.abs().max(lowAfter.abs());
        BigDecimal maxPosition = limits.maxPosition().get(id);
        if (breaks(maxPosition, worstBefore, worstAfter)) {
            return new Denied(RiskLimit.MAX_POSITION, maxPosition, worstAfter, order);
        }
        if (limits.maxGrossExposure() != null || limits.maxNetExposure() != null) {
            return checkExposure(order, context, mark, highBefore, lowBefore, highAfter, lowAfter,
                    worstBefore, worstAfter);
        }
        return Allowed.ALLOWED;
    }

    private RiskCheck checkPrices(OrderRequest order, BigDecimal mark) {
        BigDecimal band = limits.priceBandPercent();
        if (band != null && order.type() != OrderType.MARKET) {
            if (mark == null) {
                return new Denied(RiskLimit.MARK_MISSING, null, null, order);
            }
            RiskCheck denied = checkBand(order, order.limitPrice(), mark, band);
            if (denied == null) {
                denied = checkBand(order, order.stopPrice(), mark, band);
            }
            if (denied != null) {
                return denied;
            }
        }
        BigDecimal maxNotional = limits.maxOrderNotional();
        if (maxNotional != null) {
            BigDecimal price = switch (order.type()) {
                case LIMIT, STOP_LIMIT -> order.limitPrice();
                case STOP -> order.stopPrice();
                case MARKET -> mark;
            };
            if (price == null) {
                return new Denied(RiskLimit.MARK_MISSING, null, null, order);
            }
            BigDecimal notional = order.quantity().multiply(price);
            if (notional.compareTo(maxNotional) > 0) {
                return new Denied(RiskLimit.MAX_ORDER_NOTIONAL, maxNotional, notional, order);
            }
        }
        return null;
    }

    /** |price − mark| ≤ band% × mark, compared multiplied out so that no division decides. */
    private static RiskCheck checkBand(OrderRequest order, BigDecimal price, BigDecimal mark, BigDecimal band) {
        if (price == null) {
            return null;
        }
        BigDecimal distance = price.subtract(mark).abs();
        if (distance.multiply(HUNDRED).compareTo(band.multiply(mark)) > 0) {
            return new Denied(RiskLimit.PRICE_BAND, band,
                    distance.multiply(HUNDRED).divide(mark, REPORTED), order);
        }
        return null;
    }

    /** The other instruments' sums, then this one's before and after; see the class comment. */
    private RiskCheck checkExposure(OrderRequest order, RiskContext context, BigDecimal mark,
                                   BigDecimal highBefore, BigDecimal lowBefore, BigDecimal highAfter,
                                   BigDecimal lowAfter, BigDecimal worstBefore, BigDecimal worstAfter) {
        InstrumentId id = order.instrumentId();
        Map<InstrumentId, Position> positions = context.account().positions();
        OpenOrders open = context.openOrders();
        Map<InstrumentId, BigDecimal> marks = context.marks();
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        BigDecimal low = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            InstrumentId other = p.instrumentId();
            if (other.equals(id) || !p.currency().equals(limits.currency())) {
                continue;
            }
            BigDecimal otherHigh = p.quantity().add(open.buying(other));
            BigDecimal otherLow = p.quantity().subtract(open.selling(other));
            if (otherHigh.signum() == 0 && otherLow.signum() == 0) {
                continue;
            }
            BigDecimal otherMark = marks.get(other);
            if (otherMark == null) {
                return new Denied(RiskLimit.MARK_MISSING, null, null, order);
            }
            gross = gross.add(otherHigh.abs().max(otherLow.abs()).multiply(otherMark));
            high = high.add(otherHigh.multiply(otherMark));
            low = low.add(otherLow.multiply(otherMark));
        }
        for (InstrumentId other : open.instruments()) {
            if (other.equals(id) || positions.containsKey(other)) {
                continue; // this one is added below; those with a position were summed above
            }
            BigDecimal otherHigh = open.buying(other);
            BigDecimal otherLow = open.selling(other).negate();
            if (otherHigh.signum() == 0 && otherLow.signum() == 0) {
                continue;
            }
            Instrument instrument = instruments.find(other).orElse(null);
            if (instrument == null || !instrument.quoteCurrency().equals(limits.currency())) {
                continue;
            }
            BigDecimal otherMark = marks.get(other);
            if (otherMark == null) {
                return new Denied(RiskLimit.MARK_MISSING, null, null, order);
            }
            gross = gross.add(otherHigh.max(otherLow.abs()).multiply(otherMark));
            high = high.add(otherHigh.multiply(otherMark));
            low = low.add(otherLow.multiply(otherMark));
        }
        if (mark == null) {
            if (worstBefore.signum() == 0 && worstAfter.signum() == 0) {
                return Allowed.ALLOWED; // cannot happen for a real order, but nothing to value
            }
            return new Denied(RiskLimit.MARK_MISSING, null, null, order);
        }
        BigDecimal maxGross = limits.maxGrossExposure();
        if (maxGross != null) {
            BigDecimal before = gross.add(worstBefore.multiply(mark));
            BigDecimal after = gross.add(worstAfter.multiply(mark));
            if (breaks(maxGross, before, after)) {
                return new Denied(RiskLimit.MAX_GROSS_EXPOSURE, maxGross, after, order);
            }
        }
        BigDecimal maxNet = limits.maxNetExposure();
        if (maxNet != null) {
            BigDecimal before = high.add(highBefore.multiply(mark)).abs()
                    .max(low.add(lowBefore.multiply(mark)).abs());
            BigDecimal after = high.add(highAfter.multiply(mark)).abs()
                    .max(low.add(lowAfter.multiply(mark)).abs());
            if (breaks(maxNet, before, after)) {
                return new Denied(RiskLimit.MAX_NET_EXPOSURE, maxNet, after, order);
            }
        }
        return Allowed.ALLOWED;
    }

    // ---- monitoring ---------------------------------------------------------------------------

    /**
     * Monitoring after a mark or a fill changed the context: the account's equity and margin used in
     * the limits' currency at the context's marks (every open position needs one), then {@link #onEquity}.
     */
    public RiskUpdate monitor(RiskState state, RiskContext context) {
        Account account = context.account();
        String currency = limits.currency();
        EquityReading reading = new EquityReading(context.now(), account.equity(currency, context.marks()),
                account.marginUsed(currency, context.marks(), instruments));
        return onEquity(state, reading, context);
    }

    /** Monitoring of one equity reading; the context gives the open orders and positions a halt or close-out names. */
    public RiskUpdate onEquity(RiskState state, EquityReading reading, RiskContext context) {
        Steps steps = new Steps(state, context.openOrders(), reading.at());
        BigDecimal equity = reading.equity();
        LocalDate day = TradingDay.of(reading.at());
        if (!day.equals(state.tradingDay())) {
            steps.emit(new TradingDayStarted(day, equity, reading.at()));
        }
        if (steps.state.peakEquity() == null || equity.compareTo(steps.state.peakEquity()) > 0) {
            steps.emit(new EquityPeakSet(equity, reading.at()));
        }
        dailyLoss(steps, equity);
        drawdown(steps, equity);
        margin(steps, reading, context);
        return steps.update();
    }

    /**
     * Lifts a drawdown halt: {@link TradingResumed} and the equity now as the new peak. Nothing to
     * lift (no drawdown halt) decides nothing, so a resume sent twice is harmless.
     */
    public RiskUpdate resume(RiskState state, ResumeTrading command, RiskContext context) {
        Steps steps = new Steps(state, context.openOrders(), command.at());
        if (state.demand(RiskLimit.MAX_DRAWDOWN) != null) {
            steps.emit(new TradingResumed(command.principal(), command.reason(), command.at()));
            steps.emit(new EquityPeakSet(command.equity(), command.at()));
        }
        return steps.update();
    }

    private void dailyLoss(Steps steps, BigDecimal equity) {
        DailyLossLimit tiers = limits.dailyLoss();
        if (tiers == null) {
            return;
        }
        BigDecimal loss = steps.state.dayStartEquity().subtract(equity);
        TradingState current = steps.state.demand(RiskLimit.DAILY_LOSS);
        if (past(loss, tiers.halt())) {
            if (current != TradingState.HALTED) {
                steps.emit(new LimitBreached(RiskLimit.DAILY_LOSS, TradingState.HALTED, tiers.halt(), loss, steps.at));
            }
        } else if (past(loss, tiers.reduce())) {
            if (current == null || current == TradingState.ACTIVE) {
                steps.emit(new LimitBreached(RiskLimit.DAILY_LOSS, TradingState.REDUCING, tiers.reduce(), loss,
                        steps.at));
            }
        } else if (past(loss, tiers.warn()) && current == null) {
            steps.emit(new RiskWarning(RiskLimit.DAILY_LOSS, tiers.warn(), loss, steps.at));
        }
    }

    private void drawdown(Steps steps, BigDecimal equity) {
        BigDecimal fraction = limits.maxDrawdown();
        BigDecimal peak = steps.state.peakEquity();
        if (fraction == null || peak.signum() <= 0 || steps.state.demand(RiskLimit.MAX_DRAWDOWN) != null) {
            return; // a fraction of a peak that is not positive means nothing
        }
        BigDecimal drawdown = peak.subtract(equity);
        if (drawdown.compareTo(peak.multiply(fraction)) > 0) {
            steps.emit(new LimitBreached(RiskLimit.MAX_DRAWDOWN, TradingState.HALTED, fraction,
                    drawdown.divide(peak, REPORTED), steps.at));
        }
    }

    private void margin(Steps steps, EquityReading reading, RiskContext context) {
        MarginLimit levels = limits.margin();
        if (levels == null) {
            // Only a limits change can leave a margin demand behind with no levels to clear it against:
            // a margin call lasts while the level is low, and with no levels there is no call.
            for (RiskLimit limit : new RiskLimit[] {RiskLimit.MARGIN_CALL, RiskLimit.MARGIN_CLOSE_OUT}) {
                if (steps.state.demand(limit) != null) {
                    steps.emit(new LimitCleared(limit, steps.at));
                }
            }
            return;
        }
        BigDecimal used = reading.marginUsed();
        BigDecimal equity = reading.equity();
        boolean call = used.signum() > 0 && equity.compareTo(used.multiply(levels.callLevel())) < 0;
        boolean closeOut = used.signum() > 0 && equity.compareTo(used.multiply(levels.closeOutLevel())) < 0;
        if (call && steps.state.demand(RiskLimit.MARGIN_CALL) == null) {
            steps.emit(new LimitBreached(RiskLimit.MARGIN_CALL, TradingState.REDUCING, levels.callLevel(),
                    equity.divide(used, REPORTED), steps.at));
        } else if (!call && steps.state.demand(RiskLimit.MARGIN_CALL) != null) {
            steps.emit(new LimitCleared(RiskLimit.MARGIN_CALL, steps.at));
        }
        if (closeOut && steps.state.demand(RiskLimit.MARGIN_CLOSE_OUT) == null) {
            steps.emit(new LimitBreached(RiskLimit.MARGIN_CLOSE_OUT, TradingState.REDUCING, levels.closeOutLevel(),
                    equity.divide(used, REPORTED), steps.at));
            steps.emit(new CloseOutRequested(context.openOrders().ids(), flatten(context.account(), steps.at),
                    steps.at));
        } else if (!closeOut && steps.state.demand(RiskLimit.MARGIN_CLOSE_OUT) != null) {
            steps.emit(new LimitCleared(RiskLimit.MARGIN_CLOSE_OUT, steps.at));
        }
    }

    /** Reduce-only market orders that close every open position in the limits' currency, by instrument id. */
    private List<OrderRequest> flatten(Account account, Instant at) {
        List<Position> open = new ArrayList<>();
        for (Position position : account.positions().values()) {
            if (!position.isFlat() && position.currency().equals(limits.currency())) {
                open.add(position);
            }
        }
        open.sort(Comparator.comparing(p -> p.instrumentId().toString()));
        List<OrderRequest> orders = new ArrayList<>();
        for (Position position : open) {
            Side side = position.quantity().signum() > 0 ? Side.SELL : Side.BUY;
            orders.add(OrderRequest.market("risk-closeout-" + at.toEpochMilli() + "-" + position.instrumentId(),
                    position.instrumentId(), side, position.quantity().abs(), TimeInForce.IOC).withReduceOnly(true));
        }
        return orders;
    }

    private static boolean past(BigDecimal value, BigDecimal limit) {
        return limit != null && value.compareTo(limit) > 0;
    }

    /**
     * The events of one monitoring step being decided: each is applied as it is emitted, so the next
     * decision sees its effect, and a change of the derived state adds its {@link TradingStateChanged}
     * (and, to HALTED, the orders to cancel) right after its cause.
     */
    private static final class Steps {
        RiskState state;
        final OpenOrders open;
        final Instant at;
        final List<RiskEvent> events = new ArrayList<>();

        Steps(RiskState state, OpenOrders open, Instant at) {
            this.state = state;
            this.open = open;
            this.at = at;
        }

        void emit(RiskEvent event) {
            TradingState before = state.state();
            state = state.apply(event);
            events.add(event);
            TradingState after = state.state();
            if (after == before) {
                return;
            }
            if (event instanceof LimitBreached breach) {
                events.add(new TradingStateChanged(before, after, breach.limit(), breach.limitValue(), breach.value(),
                        at));
            } else {
                events.add(new TradingStateChanged(before, after, releasedBy(event), null, null, at));
            }
            if (after == TradingState.HALTED && open.count() > 0) {
                RiskLimit cause = event instanceof LimitBreached breach ? breach.limit() : releasedBy(event);
                events.add(new CancelOrdersRequested(open.ids(), cause, at));
            }
        }

        private static RiskLimit releasedBy(RiskEvent event) {
            if (event instanceof LimitCleared cleared) {
                return cleared.limit();
            }
            if (event instanceof TradingDayStarted) {
                return RiskLimit.DAILY_LOSS;
            }
            if (event instanceof TradingResumed) {
                return RiskLimit.MAX_DRAWDOWN;
            }
            throw new IllegalStateException("no state change comes from " + event);
        }

        RiskUpdate update() {
            return new RiskUpdate(state, events);
        }
    }

    /** Past the limit and raised by the order: a limit is never a reason to refuse a reduction. */
    private static boolean breaks(BigDecimal limit, BigDecimal before, BigDecimal after) {
        return limit != null && after.compareTo(limit) > 0 && after.compareTo(before) > 0;
    }
}
