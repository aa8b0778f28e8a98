package io.heliox.atlas.trading.session;

import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Position;
import io.heliox.atlas.trading.execution.ExecutionPort;
import io.heliox.atlas.trading.execution.ExecutionReport;
import io.heliox.atlas.trading.execution.OrderClosed;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.execution.OrderModified;
import io.heliox.atlas.trading.execution.OrderRejected;
import io.heliox.atlas.trading.execution.VenueSnapshot;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.instrument.Instruments;
import io.heliox.atlas.trading.live.Decision;
import io.heliox.atlas.trading.live.SignalTrader;
import io.heliox.atlas.trading.live.StrategyRunner;
import io.heliox.atlas.trading.marketdata.BarClosed;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.TradingState;
import io.heliox.atlas.trading.risk.CancelOrdersRequested;
import io.heliox.atlas.trading.risk.CloseOutRequested;
import io.heliox.atlas.trading.risk.Denied;
import io.heliox.atlas.trading.risk.EngageKillSwitch;
import io.heliox.atlas.trading.risk.KillSwitches;
import io.heliox.atlas.trading.risk.ModifyRequest;
import io.heliox.atlas.trading.risk.OpenOrder;
import io.heliox.atlas.trading.risk.OpenOrders;
import io.heliox.atlas.trading.risk.RateWindow;
import io.heliox.atlas.trading.risk.ReleaseKillSwitch;
import io.heliox.atlas.trading.risk.ResumeTrading;
import io.heliox.atlas.trading.risk.RiskCheck;
import io.heliox.atlas.trading.risk.RiskContext;
import io.heliox.atlas.trading.risk.RiskEngine;
import io.heliox.atlas.trading.risk.RiskEvent;
import io.heliox.atlas.trading.risk.RiskLimits;
import io.heliox.atlas.trading.risk.RiskState;
import io.heliox.atlas.trading.risk.RiskUpdate;
import io.heliox.atlas.trading.risk.RiskUsage;
import io.heliox.atlas.trading.risk.SessionRef;
import io.heliox.atlas.trading.venue.paper.PaperVenue;
import io.heliox.atlas.trading.venue.paper.PaperVenueSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One strategy trading one instrument on a paper venue, with the risk engine between them: the
 * pure core of a trading session. Every input is a method ({@link #onBar}, {@link #engage},
 * {@link #release}, {@link #resume}, {@link #changeLimits}, {@link #stop}) that returns what it caused as
 * {@link SessionEvent}s, in order: the bar and the decision, the orders submitted, the venue's
 * reports, risk denials and risk events, the equity. Deterministic: the same inputs in the same
 * order give the same events, so a session is rebuilt after a restart by feeding its recorded inputs
 * again (the paper venue included), and the events it gives then are the ones it gave before.
 *
 * <p>Every order the strategy's {@link SignalTrader} sends passes the {@link RiskEngine} first: a
 * denial is a {@link SessionEvent.RiskDenied} and, to the trader, a rejection with the limit's code.
 * Cancels are never checked. After every bar the account is marked and monitored: daily loss tiers,
 * drawdown and margin may turn the session REDUCING or HALTED; a HALTED session's open orders are
 * cancelled. A kill switch (this session's, its account's or the global one, engaged here or passed
 * in from outside) halts it at once, in the same call: nothing waits for the next bar.
 *
 * <p>Single-threaded: its owner (an aggregate) feeds it one input at a time.
 */
public final class StrategySession {

    private final SessionRef ref;
    private final Instrument instrument;
    private final StrategyRunner runner;
    private final SignalTrader trader;
    private final PaperVenue venue;
    private final Instruments instruments;
    private RiskEngine risk; // replaced, with the rate windows, when the limits change
    private final OpenOrders open = new OpenOrders();
    private RateWindow submits;
    private RateWindow modifies;
    private final Map<InstrumentId, BigDecimal> marks = new HashMap<>();
    private RiskState riskState = RiskState.initial();
    private KillSwitches kills = KillSwitches.none();
    private TradingState effective = TradingState.ACTIVE;
    private boolean stopped;
    private List<SessionEvent> out = new ArrayList<>();

    public StrategySession(SessionRef ref, Instrument instrument, IrStrategy strategy, ExecutionConfig execution,
                           RiskLimits limits, PaperVenueSettings venueSettings, Instant start) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.instruments = Instruments.of(instrument);
        this.risk = new RiskEngine(limits, instruments);
        this.submits = RateWindow.of(limits.submitRate());
        this.modifies = RateWindow.of(limits.modifyRate());
        this.runner = new StrategyRunner(strategy);
        this.venue = new PaperVenue(instruments, Account.withCash(instrument.quoteCurrency(),
                new BigDecimal(execution.initialCash())), start, venueSettings, this::onReport);
        this.trader = new SignalTrader(instrument, strategy.sizing(), strategy.risk(), execution, new RiskGate(),
                ref.sessionId());
    }

    // ---- inputs -----------------------------------------------------------------------------------

    /** A closed bar: the venue fills what it reaches, the strategy decides, the account is marked and monitored. */
    public List<SessionEvent> onBar(BarClosed bar) {
        if (!bar.instrumentId().equals(instrument.id())) {
            throw new IllegalArgumentException("a bar of " + bar.instrumentId() + " for a session on " + instrument.id());
        }
        trader.startBar(bar);
        venue.onMarketData(bar);
        Decision decision = runner.onBar(bar.bar());
        emit(new SessionEvent.BarDecided(decision.bar(), bar.time(), bar.bar().close(), decision.signal(),
                decision.warm()));
        if (!stopped) {
            trader.decide(decision);
        }
        marks.put(instrument.id(), new BigDecimal(bar.bar().close()));
        monitor(bar.time());
        emit(new SessionEvent.EquityMarked(decision.bar(), bar.time(), equity(), effective));
        return drain();
    }

    /** Engages a kill switch: the session halts and its open orders are cancelled now. */
    public List<SessionEvent> engage(EngageKillSwitch command) {
        kills.decide(command).ifPresent(engaged -> {
            kills = kills.apply(engaged);
            emit(new SessionEvent.KillSwitchOn(engaged));
            restate(command.at());
        });
        return drain();
    }

    /** Releases a kill switch (audited: a principal and a reason); the session's own state returns. */
    public List<SessionEvent> release(ReleaseKillSwitch command) {
        kills.decide(command).ifPresent(released -> {
            kills = kills.apply(released);
            emit(new SessionEvent.KillSwitchOff(released));
            restate(command.at());
        });
        return drain();
    }

    /** Lifts a drawdown halt (audited). */
    public List<SessionEvent> resume(ResumeTrading command) {
        apply(risk.resume(riskState, command, context(command.at())), command.at());
        return drain();
    }

    /**
     * Changes the session's limits (audited: a principal and a reason) at {@code at}: its orders are
     * checked against {@code limits} from now on, and monitoring runs again at once as after a bar, so
     * a limit lowered below what is in use acts now, not at the next bar (a daily loss already past a
     * new halt tier halts the session in this call and cancels its open orders). What the risk state
     * holds is kept: the trading day and its start equity, the equity peak, and every demand. So a
     * loosened limit lifts nothing that the engine keeps until a roll or a person: a daily loss tier is
     * kept until the day rolls, a drawdown halt until {@link #resume}; only a margin call, which lasts
     * while the level is low, clears at the new levels. The rate windows keep their recent submits and
     * modifies ({@link RateWindow#resized}).
     *
     * <p>Limits equal to the current ones change nothing and say nothing.
     *
     * @throws IllegalArgumentException without a principal or a reason, or in another currency than the session's
     */
    public List<SessionEvent> changeLimits(RiskLimits limits, String principal, String reason, Instant at) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(at, "at");
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("a change of risk limits names its principal");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a change of risk limits gives a reason");
        }
        RiskLimits previous = risk.limits();
        if (!limits.currency().equals(previous.currency())) {
            throw new IllegalArgumentException("the session's limits are in " + previous.currency()
                    + ", not " + limits.currency() + " (no currency conversion)");
        }
        if (limits.equals(previous)) {
            return List.of();
        }
        risk = new RiskEngine(limits, instruments);
        submits = submits.resized(limits.submitRate());
        modifies = modifies.resized(limits.modifyRate());
        emit(new SessionEvent.LimitsChanged(previous, limits, principal, reason, at));
        monitor(at);
        return drain();
    }

    /** Stops deciding: open orders are cancelled, the position stays as it is (closing it is a decision of its own). */
    public List<SessionEvent> stop(String principal, String reason, Instant at) {
        if (!stopped) {
            stopped = true;
            cancelAll();
            emit(new SessionEvent.Stopped(principal, reason, at));
        }
        return drain();
    }

    // ---- what it holds ------------------------------------------------------------------------------

    public TradingState state() {
        return effective;
    }

    /** The limits the session trades under now. */
    public RiskLimits limits() {
        return risk.limits();
    }

    /** Each set limit with what the session uses of it, at the session's clock (its last bar or report). */
    public RiskUsage usage() {
        return risk.usage(riskState, context(venue.now()));
    }

    public boolean isStopped() {
        return stopped;
    }

    public VenueSnapshot snapshot() {
        return venue.snapshot();
    }

    /** The signed position in the session's instrument, as the venue has booked it. */
    public BigDecimal position() {
        return venue.account().quantity(instrument.id());
    }

    /** The kill switches engaged over the session (its own, its account's, the global one). */
    public KillSwitches killSwitches() {
        return kills;
    }

    /** The session's time: the market time of the latest market data it took (its venue's clock). */
    public Instant now() {
        return venue.now();
    }

    /** The session instrument's position as the venue has booked it (average price, realised P&amp;L, fees); flat when none. */
    public Position book() {
        return venue.account().position(instrument.id())
                .orElse(Position.flat(instrument.id(), instrument.quoteCurrency()));
    }

    /** The account's cash in the instrument's quote currency. */
    public BigDecimal cash() {
        return venue.account().cash(instrument.quoteCurrency());
    }

    /** Cash plus positions at the last marks, exact. */
    public BigDecimal equity() {
        return venue.account().equity(instrument.quoteCurrency(), marks);
    }

    // ---- risk ---------------------------------------------------------------------------------------

    /** The trader's venue: every submit and modify passes the risk engine; cancels go straight through. */
    private final class RiskGate implements ExecutionPort {

        @Override
        public void submit(OrderRequest order) {
            Instant now = venue.now();
            RiskCheck check = risk.check(order, context(now));
            if (check instanceof Denied denied) {
                emit(new SessionEvent.RiskDenied(denied.code(), denied.detail(), denied.limitValue(), denied.observed(),
                        order, now));
                trader.onReport(new OrderRejected(order.clientOrderId(), "submit", denied.code(), denied.detail(), now));
                return;
            }
            submits.record(now);
            open.add(OpenOrder.of(order));
            emit(new SessionEvent.OrderSubmitted(order, now));
            venue.submit(order);
        }

        @Override
        public void modify(String clientOrderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
            Instant now = venue.now();
            RiskCheck check = risk.checkModify(new ModifyRequest(clientOrderId, quantity, limitPrice, stopPrice),
                    context(now));
            if (check instanceof Denied denied) {
                emit(new SessionEvent.RiskDenied(denied.code(), denied.detail(), denied.limitValue(), denied.observed(),
                        denied.order(), now));
                trader.onReport(new OrderRejected(clientOrderId, "modify", denied.code(), denied.detail(), now));
                return;
            }
            modifies.record(now);
            venue.modify(clientOrderId, quantity, limitPrice, stopPrice);
        }

        @Override
        public void cancel(String clientOrderId) {
            venue.cancel(clientOrderId);
        }

        @Override
        public VenueSnapshot snapshot() {
            return venue.snapshot();
        }
    }

    private RiskContext context(Instant now) {
        return new RiskContext(now, effective, venue.account(), open, marks, submits, modifies);
    }

    private void monitor(Instant now) {
        apply(risk.monitor(riskState, context(now)), now);
    }

    private void apply(RiskUpdate update, Instant now) {
        riskState = update.state();
        for (RiskEvent event : update.events()) {
            emit(new SessionEvent.Risk(event));
        }
        for (RiskEvent event : update.events()) {
            if (event instanceof CancelOrdersRequested cancel) {
                cancel.orderIds().forEach(this::cancelIfOpen);
            } else if (event instanceof CloseOutRequested closeOut) {
                closeOut.cancelOrderIds().forEach(this::cancelIfOpen);
                for (OrderRequest order : closeOut.orders()) { // a close-out is not checked: it only reduces
                    open.add(OpenOrder.of(order));
                    emit(new SessionEvent.OrderSubmitted(order, now));
                    venue.submit(order);
                }
            }
        }
        restate(now);
    }

    /** The effective state after a risk or kill-switch change; entering HALTED cancels every open order. */
    private void restate(Instant now) {
        TradingState next = kills.effectiveState(ref, riskState.state());
        if (next != effective) {
            TradingState was = effective;
            effective = next;
            if (next == TradingState.HALTED) {
                cancelAll();
            }
            emit(new SessionEvent.StateChanged(was, next, now));
        }
    }

    private void cancelAll() {
        open.ids().forEach(this::cancelIfOpen);
    }

    private void cancelIfOpen(String orderId) {
        if (open.find(orderId).isPresent()) {
            venue.cancel(orderId);
        }
    }

    // ---- the venue's reports --------------------------------------------------------------------------

    private void onReport(ExecutionReport report) {
        String id = report.clientOrderId();
        boolean known = open.find(id).isPresent();
        if (report instanceof OrderFilled filled && known) {
            open.fill(id, filled.fill().quantity());
        } else if ((report instanceof OrderClosed || (report instanceof OrderRejected r && r.request().equals("submit")))
                && known) {
            open.remove(id);
        } else if (report instanceof OrderModified modified && known) {
            open.modify(id, modified.quantity(), modified.limitPrice(), modified.stopPrice());
        }
        emit(new SessionEvent.Reported(report));
        trader.onReport(report);
    }

    private void emit(SessionEvent event) {
        out.add(event);
    }

    private List<SessionEvent> drain() {
        List<SessionEvent> events = List.copyOf(out);
        out = new ArrayList<>();
        return events;
    }
}
