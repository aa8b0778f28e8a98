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
import io.heliox.atlas.trading.risk.KillScope;
import io.heliox.atlas.trading.risk.ReleaseKillSwitch;
import io.heliox.atlas.trading.risk.RiskLimits;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

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
}
