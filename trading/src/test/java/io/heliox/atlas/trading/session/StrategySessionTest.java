package io.heliox.atlas.trading.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.execution.Simulator;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import io.heliox.atlas.trading.execution.OrderClosed;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.instrument.AssetClass;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.live.Candidates;
import io.heliox.atlas.trading.marketdata.BarReplayFeed;
import io.heliox.atlas.trading.marketdata.ManualPacer;
import io.heliox.atlas.trading.marketdata.ReplaySpeed;
import io.heliox.atlas.trading.order.TradingState;
import io.heliox.atlas.trading.risk.EngageKillSwitch;
import io.heliox.atlas.trading.risk.CancelOrdersRequested;
import io.heliox.atlas.trading.risk.DailyLossLimit;
import io.heliox.atlas.trading.risk.KillScope;
import io.heliox.atlas.trading.risk.LimitBreached;
import io.heliox.atlas.trading.risk.LimitUsage;
import io.heliox.atlas.trading.risk.ReleaseKillSwitch;
import io.heliox.atlas.trading.risk.ResumeTrading;
import io.heliox.atlas.trading.risk.RiskLimit;
import io.heliox.atlas.trading.risk.RiskLimits;
import io.heliox.atlas.trading.risk.TradingDayStarted;
import io.heliox.atlas.trading.risk.SessionRef;
import io.heliox.atlas.trading.venue.paper.EngineRules;
import io.heliox.atlas.trading.venue.paper.FeeSchedule;
import io.heliox.atlas.trading.venue.paper.RealisticBars;
import io.heliox.atlas.trading.venue.paper.Latency;
import io.heliox.atlas.trading.venue.paper.PaperVenueSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategySessionTest {

    static final Instrument SYNTH = new Instrument(InstrumentId.parse("SYNTH.PAPER"), AssetClass.CRYPTO,
            new BigDecimal("1E-80"), new BigDecimal("1E-80"), BigDecimal.ZERO, "USD", BigDecimal.ONE);
    static final SessionRef REF = new SessionRef("paper-1", "s-1");
    static final ExecutionConfig EXECUTION = ExecutionConfig.of(10_000).withCosts(2, 1);

    static Validation strategy;
    static BarReplayFeed feed;
    static Bars bars;
    static ScenarioSpec spec;

    @BeforeAll
    static void market() {
        ObjectNode doc = (ObjectNode) Candidates.resource("contracts/fixtures/valid/scenario-dsl/regime-switch.json");
        doc.put("seed", 11);
        doc.put("duration_bars", 400);
        spec = ScenarioSpec.parse(doc);
        bars = ScenarioGenerator.generate(spec);
        feed = BarReplayFeed.ofScenario(SYNTH.id(), spec, bars, ReplaySpeed.barEvery(Duration.ofMillis(1)),
                new ManualPacer());
        strategy = new StrategyValidator().validate(Candidates.mock().get(0)); // ma-cross with stop loss and take profit
        assertThat(strategy.valid()).isTrue();
    }

    static StrategySession session(RiskLimits limits) {
        return new StrategySession(REF, SYNTH, strategy.ir(), EXECUTION, limits,
                new PaperVenueSettings(EngineRules.of(EXECUTION), Latency.NONE, Duration.ofDays(7)), feed.openTime(0));
    }

    static List<SessionEvent> run(StrategySession session, int from, int to) {
        List<SessionEvent> events = new ArrayList<>();
        for (int t = from; t < to; t++) {
            events.addAll(session.onBar(feed.message(t)));
        }
        return events;
    }

    static <T> List<T> only(List<SessionEvent> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (SessionEvent e : events) {
            Object inner = e instanceof SessionEvent.Reported r ? r.report() : e;
            if (type.isInstance(inner)) {
                out.add(type.cast(inner));
            }
        }
        return out;
    }

    /**
     * Partial fills on real lot sizes: the trader's double ledger must not think it holds a residue
     * the venue does not (a residue once made it send a reduce-only exit of 0.0000 lots, which threw).
     */
    @Test
    void everyCandidateTradesToTheEndOnRealLotsWithPartialFills() {
        Instrument lots = new Instrument(InstrumentId.parse("SYNTH.PAPER"), AssetClass.CRYPTO, new BigDecimal("0.01"),
                new BigDecimal("0.0001"), BigDecimal.ZERO, "USD", BigDecimal.ONE);
        List<Validation> candidates = new ArrayList<>();
        for (var candidate : Candidates.mock()) {
            candidates.add(new StrategyValidator().validate(candidate));
        }
        for (var candidate : Candidates.localModel()) {
            candidates.add(new StrategyValidator().validate(candidate));
        }
        int partial = 0;
        for (int seed = 1; seed <= 6; seed++) {
            ObjectNode doc = (ObjectNode) Candidates.resource("contracts/fixtures/valid/scenario-dsl/regime-switch.json");
            doc.put("seed", seed).put("duration_bars", 300);
            ScenarioSpec market = ScenarioSpec.parse(doc);
            BarReplayFeed bars = BarReplayFeed.ofScenario(lots.id(), market, ScenarioGenerator.generate(market),
                    ReplaySpeed.barEvery(Duration.ofMillis(1)), new ManualPacer());
            for (double share : new double[] {0.1, 1e-4}) {
                for (Validation valid : candidates) {
                    if (!valid.valid()) {
                        continue;
                    }
                    StrategySession session = new StrategySession(REF, lots, valid.ir(), EXECUTION,
                            RiskLimits.unlimited("USD"), new PaperVenueSettings(
                                    new RealisticBars(FeeSchedule.NONE, 2, 0.5, share, 1, 20, seed), Latency.NONE,
                                    Duration.ofDays(7)), bars.openTime(0));
                    List<SessionEvent> events = new ArrayList<>();
                    for (int t = 0; t < bars.size(); t++) {
                        events.addAll(session.onBar(bars.message(t)));
                    }
                    List<OrderFilled> fills = only(events, OrderFilled.class);
                    BigDecimal net = fills.stream().map(f -> f.fill().signedQuantity())
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(session.position()).isEqualByComparingTo(net);
                    partial += (int) fills.stream().filter(f -> f.leaves().signum() > 0).count();
                }
            }
        }
        assertThat(partial).as("partial fills among the candidates' trades").isPositive();
    }

    @Test
    void withinItsLimitsASessionTradesAsTheBacktestAndSaysSoInItsLog() {
        StrategySession session = session(RiskLimits.defaults("USD"));
        List<SessionEvent> events = run(session, 0, feed.size());
        BacktestRun backtest = Simulator.run(strategy.ir(), bars, EXECUTION);

        assertThat(only(events, OrderFilled.class)).hasSize(backtest.trades().fillCount()).hasSizeGreaterThan(10);
        assertThat(only(events, SessionEvent.RiskDenied.class)).isEmpty();
        List<SessionEvent.EquityMarked> marks = only(events, SessionEvent.EquityMarked.class);
        assertThat(marks).hasSize(feed.size());
        for (int t = 0; t < feed.size(); t++) {
            assertThat(marks.get(t).equity().doubleValue()).as("bar %d", t)
                    .isCloseTo(backtest.equity()[t], org.assertj.core.data.Offset.offset(1e-9 * backtest.equity()[t]));
        }
        assertThat(only(events, SessionEvent.OrderSubmitted.class)).as("every fill's order was submitted first")
                .hasSizeGreaterThanOrEqualTo(backtest.trades().fillCount());
    }

    @Test
    void onAnInstrumentWithRealLotsAndTicksEveryOrderIsAcceptedAndPositionsAreClosed() {
        // exits and protection sell the position the venue holds, a whole number of lots (a double is not)
        Instrument btc = new Instrument(InstrumentId.parse("BTCUSD.PAPER"), AssetClass.CRYPTO, new BigDecimal("0.01"),
                new BigDecimal("0.0001"), BigDecimal.ZERO, "USD", BigDecimal.ONE);
        for (var fills : List.of(EngineRules.of(EXECUTION),
                io.heliox.atlas.trading.venue.paper.RealisticBars.typical(
                        io.heliox.atlas.trading.venue.paper.FeeSchedule.of("1", "4"), 3))) {
            BarReplayFeed btcFeed = BarReplayFeed.ofScenario(btc.id(), spec, bars, ReplaySpeed.barEvery(Duration.ofMillis(1)),
                    new ManualPacer());
            StrategySession session = new StrategySession(REF, btc, strategy.ir(), EXECUTION, RiskLimits.defaults("USD"),
                    new PaperVenueSettings(fills, Latency.NONE, Duration.ofDays(7)), btcFeed.openTime(0));
            List<SessionEvent> events = new ArrayList<>();
            for (int t = 0; t < btcFeed.size(); t++) {
                events.addAll(session.onBar(btcFeed.message(t)));
            }
            assertThat(only(events, io.heliox.atlas.trading.execution.OrderRejected.class)).as("%s", fills)
                    .filteredOn(r -> r.request().equals("submit")).isEmpty();
            List<OrderFilled> filled = only(events, OrderFilled.class);
            assertThat(filled).as("%s", fills).anySatisfy(f -> assertThat(f.clientOrderId()).contains("-entry-"))
                    .anySatisfy(f -> assertThat(f.clientOrderId()).containsAnyOf("-exit-", "-stop-loss-", "-take-profit-"));
        }
    }

    @Test
    void theSameInputsGiveTheSameLogSoASessionIsRebuiltByReplayingThem() {
        List<SessionEvent> first = run(session(RiskLimits.defaults("USD")), 0, feed.size());
        StrategySession again = session(RiskLimits.defaults("USD"));
        List<SessionEvent> second = new ArrayList<>(run(again, 0, 150));
        second.addAll(run(again, 150, feed.size()));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anOrderPastALimitIsDeniedWithTheLimitAndNeverReachesTheVenue() {
        StrategySession session = session(RiskLimits.defaults("USD").withMaxPosition(SYNTH.id(), new BigDecimal("0.5")));
        List<SessionEvent> events = run(session, 0, feed.size());
        List<SessionEvent.RiskDenied> denied = only(events, SessionEvent.RiskDenied.class);
        assertThat(denied).isNotEmpty().allSatisfy(d -> {
            assertThat(d.code()).isEqualTo("risk.max_position");
            assertThat(d.limitValue()).isEqualByComparingTo("0.5");
            assertThat(d.observed()).isGreaterThan(new BigDecimal("0.5"));
            assertThat(d.detail()).isNotBlank();
        });
        assertThat(only(events, OrderFilled.class)).as("entries are bigger than 0.5 units here").isEmpty();
        assertThat(session.snapshot().positions()).isEmpty();
    }

    @Test
    void theKillSwitchHaltsAtOnceCancelsEveryOpenOrderAndOnlyAnAuditedReleaseLetsItTradeAgain() {
        StrategySession session = session(RiskLimits.defaults("USD"));
        int t = 0;
        while (session.snapshot().openOrders().isEmpty()) { // until a position has its stop loss and take profit
            session.onBar(feed.message(t++));
        }
        int protective = session.snapshot().openOrders().size();
        var at = feed.message(t - 1).time();

        List<SessionEvent> killed = session.engage(new EngageKillSwitch(new KillScope(KillScope.Level.SESSION, "s-1"),
                "trader-1", "", at));
        assertThat(killed.get(0)).isInstanceOf(SessionEvent.KillSwitchOn.class);
        assertThat(only(killed, OrderClosed.class)).hasSize(protective)
                .allSatisfy(c -> assertThat(c.code()).isEqualTo("order.cancelled"));
        assertThat(only(killed, SessionEvent.StateChanged.class)).singleElement()
                .satisfies(s -> assertThat(s.to()).isEqualTo(TradingState.HALTED));
        assertThat(session.snapshot().openOrders()).isEmpty();
        assertThat(session.state()).isEqualTo(TradingState.HALTED);

        List<SessionEvent> halted = run(session, t, t + 120);
        assertThat(only(halted, SessionEvent.OrderSubmitted.class)).as("nothing new while halted").isEmpty();
        assertThat(only(halted, SessionEvent.RiskDenied.class)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.code()).isEqualTo("risk.halted"));

        List<SessionEvent> released = session.release(new ReleaseKillSwitch(
                new KillScope(KillScope.Level.SESSION, "s-1"), "admin-1", "checked the feed", at.plusSeconds(1)));
        assertThat(only(released, SessionEvent.StateChanged.class)).singleElement()
                .satisfies(s -> assertThat(s.to()).isEqualTo(TradingState.ACTIVE));
        List<SessionEvent> after = run(session, t + 120, feed.size());
        assertThat(only(after, SessionEvent.OrderSubmitted.class)).as("trading again").isNotEmpty();
    }

    @Test
    void anAccountOrGlobalKillSwitchHaltsTheSessionToo() {
        StrategySession session = session(RiskLimits.defaults("USD"));
        run(session, 0, 50);
        var at = feed.message(49).time();
        session.engage(new EngageKillSwitch(KillScope.GLOBAL, "admin-1", "venue outage", at));
        assertThat(session.state()).isEqualTo(TradingState.HALTED);
        session.engage(new EngageKillSwitch(new KillScope(KillScope.Level.ACCOUNT, "paper-1"), "admin-1", "", at));
        session.release(new ReleaseKillSwitch(KillScope.GLOBAL, "admin-1", "venue back", at));
        assertThat(session.state()).as("the account's switch still holds").isEqualTo(TradingState.HALTED);
    }

    @Test
    void aStoppedSessionCancelsItsOrdersAndDecidesNothingMore() {
        StrategySession session = session(RiskLimits.defaults("USD"));
        int t = 0;
        while (session.snapshot().openOrders().isEmpty()) {
            session.onBar(feed.message(t++));
        }
        List<SessionEvent> stopped = session.stop("trader-1", "done for today", feed.message(t - 1).time());
        assertThat(stopped).last().isInstanceOf(SessionEvent.Stopped.class);
        assertThat(session.snapshot().openOrders()).isEmpty();
        List<SessionEvent> after = run(session, t, feed.size());
        assertThat(only(after, SessionEvent.OrderSubmitted.class)).isEmpty();
        assertThat(only(after, SessionEvent.BarDecided.class)).hasSize(feed.size() - t);
        Predicate<SessionEvent> fills = e -> e instanceof SessionEvent.Reported r && r.report() instanceof OrderFilled;
        assertThat(after.stream().filter(fills)).isEmpty();
    }

    // ---- changing the limits -------------------------------------------------------------------------

    /** Bars from {@code from} until {@code done} holds after one; the index of the next bar. */
    static int runUntil(StrategySession session, int from, Predicate<StrategySession> done) {
        int t = from;
        while (!done.test(session)) {
            assertThat(t).as("the market never got the session there").isLessThan(feed.size());
            session.onBar(feed.message(t++));
        }
        return t;
    }

    @Test
    void aMaxPositionLoweredBelowThePositionDeniesTheNextOrderThatAddsToItWithTheNewLimit() {
        StrategySession session = session(RiskLimits.defaults("USD"));
        int t = runUntil(session, 0, s -> s.position().signum() != 0);
        BigDecimal max = session.position().abs().divide(BigDecimal.valueOf(2)); // entries are sized alike here
        Instant at = feed.message(t - 1).time();
        RiskLimits tight = session.limits().withMaxPosition(SYNTH.id(), max);

        List<SessionEvent> changed = session.changeLimits(tight, "risk-1", "desk cut", at);
        assertThat(changed).first().isEqualTo(new SessionEvent.LimitsChanged(RiskLimits.defaults("USD"), tight,
                "risk-1", "desk cut", at));
        assertThat(only(changed, SessionEvent.StateChanged.class)).as("a pre-trade limit halts nothing").isEmpty();
        assertThat(only(changed, OrderClosed.class)).as("and cancels nothing").isEmpty();
        assertThat(session.limits()).isEqualTo(tight);
        LimitUsage position = session.usage().find("risk.max_position", SYNTH.id().toString()).orElseThrow();
        assertThat(position.limit()).isEqualByComparingTo(max);
        assertThat(position.used()).isGreaterThanOrEqualTo(session.position().abs());
        assertThat(position.exceeded()).isTrue();

        List<SessionEvent> after = run(session, t, feed.size());
        assertThat(only(after, SessionEvent.RiskDenied.class)).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo("risk.max_position");
            assertThat(d.limitValue()).isEqualByComparingTo(max);
            assertThat(d.observed()).isGreaterThan(max);
        });
        assertThat(only(after, OrderFilled.class)).as("getting out is never denied: the position is closed")
                .anySatisfy(f -> assertThat(f.clientOrderId()).containsAnyOf("-exit-", "-stop-loss-", "-take-profit-"));
    }

    /** Day start equity from the session's own log, as monitoring recorded it. */
    static final class DayStart {
        BigDecimal equity;

        void read(List<SessionEvent> events) {
            for (SessionEvent e : events) {
                if (e instanceof SessionEvent.Risk r && r.event() instanceof TradingDayStarted day) {
                    equity = day.startEquity();
                }
            }
        }
    }

    @Test
    void aDailyLossLoweredBelowTodaysLossHaltsInTheSameCall_loosenedBackItStaysHaltedUntilTheDayRolls() {
        StrategySession session = session(RiskLimits.defaults("USD"));
        DayStart day = new DayStart();
        int t = 0;
        while (session.snapshot().openOrders().isEmpty() || day.equity == null
                || day.equity.compareTo(session.equity()) <= 0) { // until it is down on the day with orders working
            assertThat(t).isLessThan(feed.size());
            day.read(session.onBar(feed.message(t++)));
        }
        BigDecimal loss = day.equity.subtract(session.equity());
        int working = session.snapshot().openOrders().size();
        Instant at = feed.message(t - 1).time();
        RiskLimits tight = session.limits().withDailyLoss(new DailyLossLimit(null, loss.divide(BigDecimal.valueOf(4)),
                loss.divide(BigDecimal.valueOf(2))));

        List<SessionEvent> changed = session.changeLimits(tight, "risk-1", "loss cap for today", at);
        assertThat(changed.get(0)).isInstanceOf(SessionEvent.LimitsChanged.class);
        assertThat(only(changed, SessionEvent.Risk.class)).extracting(SessionEvent.Risk::event).first()
                .isEqualTo(new LimitBreached(RiskLimit.DAILY_LOSS, TradingState.HALTED,
                        loss.divide(BigDecimal.valueOf(2)), loss, at));
        assertThat(only(changed, SessionEvent.Risk.class)).extracting(SessionEvent.Risk::event)
                .filteredOn(CancelOrdersRequested.class::isInstance).hasSize(1);
        assertThat(only(changed, OrderClosed.class)).hasSize(working)
                .allSatisfy(c -> assertThat(c.code()).isEqualTo("order.cancelled"));
        assertThat(changed).last().isEqualTo(new SessionEvent.StateChanged(TradingState.ACTIVE, TradingState.HALTED, at));
        assertThat(session.state()).isEqualTo(TradingState.HALTED);
        assertThat(session.snapshot().openOrders()).isEmpty();
        LimitUsage halt = session.usage().find("risk.daily_loss", "halt").orElseThrow();
        assertThat(halt.used()).isEqualByComparingTo(loss);
        assertThat(halt.exceeded()).isTrue();

        // The engine keeps a daily loss tier until the day rolls (DailyLossLimit: sticky, no flapping), and a
        // resume lifts only a drawdown halt: loosening the limit back lifts nothing.
        List<SessionEvent> loosened = session.changeLimits(RiskLimits.defaults("USD"), "risk-1", "too tight", at);
        assertThat(loosened).containsExactly(new SessionEvent.LimitsChanged(tight, RiskLimits.defaults("USD"),
                "risk-1", "too tight", at));
        assertThat(session.resume(new ResumeTrading("risk-1", "let it trade", session.equity(), at))).isEmpty();
        assertThat(session.state()).isEqualTo(TradingState.HALTED);

        List<SessionEvent> untilActive = new ArrayList<>();
        while (session.state() == TradingState.HALTED) {
            assertThat(t).isLessThan(feed.size());
            untilActive = session.onBar(feed.message(t++));
            assertThat(only(untilActive, SessionEvent.OrderSubmitted.class)).as("halted until then").isEmpty();
        }
        assertThat(only(untilActive, SessionEvent.Risk.class)).extracting(SessionEvent.Risk::event)
                .as("the day roll lifts it").anySatisfy(e -> assertThat(e).isInstanceOf(TradingDayStarted.class));
        assertThat(session.state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void limitsEqualToTheCurrentOnesChangeNothingAndSayNothing() {
        RiskLimits limits = RiskLimits.defaults("USD").withMaxOpenOrders(5);
        StrategySession session = session(limits);
        run(session, 0, 30);
        Instant at = feed.message(29).time();
        assertThat(session.changeLimits(session.limits(), "risk-1", "same", at)).isEmpty();
        assertThat(session.changeLimits(RiskLimits.defaults("USD").withMaxOpenOrders(5), "risk-1", "same", at))
                .isEmpty();
    }

    @Test
    void aChangeWithoutAReasonOrInAnotherCurrencyIsRefusedAndChangesNothing() {
        StrategySession session = session(RiskLimits.defaults("USD"));
        run(session, 0, 10);
        Instant at = feed.message(9).time();
        RiskLimits tighter = RiskLimits.defaults("USD").withMaxOpenOrders(1);
        assertThatThrownBy(() -> session.changeLimits(tighter, "risk-1", " ", at))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> session.changeLimits(tighter, "risk-1", null, at))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> session.changeLimits(tighter, "", "why", at))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("principal");
        assertThatThrownBy(() -> session.changeLimits(RiskLimits.defaults("EUR"), "risk-1", "why", at))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThat(session.limits()).isEqualTo(RiskLimits.defaults("USD"));
    }

    /** A session's inputs with two limit changes among its bars: tightened, then loosened. */
    static List<SessionEvent> changedTwice() {
        StrategySession session = session(RiskLimits.defaults("USD"));
        List<SessionEvent> events = new ArrayList<>(run(session, 0, 120));
        RiskLimits tight = RiskLimits.defaults("USD").withMaxPosition(SYNTH.id(), session.position().abs()
                .max(BigDecimal.ONE).divide(BigDecimal.valueOf(3), java.math.MathContext.DECIMAL64))
                .withDailyLoss(new DailyLossLimit(new BigDecimal("20"), new BigDecimal("50"), new BigDecimal("100")))
                .withRates(io.heliox.atlas.trading.risk.RateLimit.perSecond(2),
                        io.heliox.atlas.trading.risk.RateLimit.perSecond(2));
        events.addAll(session.changeLimits(tight, "risk-1", "tighten", feed.message(119).time()));
        events.addAll(run(session, 120, 250));
        events.addAll(session.changeLimits(RiskLimits.defaults("USD"), "risk-1", "loosen", feed.message(249).time()));
        events.addAll(run(session, 250, feed.size()));
        return events;
    }

    @Test
    void limitChangesAreInputsLikeBarsTheSameOnesGiveTheSameLog() {
        List<SessionEvent> first = changedTwice();
        assertThat(only(first, SessionEvent.LimitsChanged.class)).hasSize(2);
        assertThat(only(first, SessionEvent.RiskDenied.class)).as("the tight limits bit")
                .anySatisfy(d -> assertThat(d.code()).isEqualTo("risk.max_position"));
        assertThat(changedTwice()).isEqualTo(first);
    }
}
