package io.heliox.atlas.command.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.trading.ApplyKillSwitchToSessionCommand;
import io.heliox.atlas.api.trading.ChangeSessionRiskLimitsCommand;
import io.heliox.atlas.api.trading.EngageTradingKillSwitchCommand;
import io.heliox.atlas.api.trading.ReleaseTradingKillSwitchCommand;
import io.heliox.atlas.api.trading.TradingKillSwitchEvent;
import io.heliox.atlas.api.trading.EngageSessionKillSwitchCommand;
import io.heliox.atlas.api.trading.SessionRiskLimitsChangedEvent;
import io.heliox.atlas.api.trading.PaperSessionStartedEvent;
import io.heliox.atlas.api.trading.PaperSessionStoppedEvent;
import io.heliox.atlas.api.trading.ProcessSessionBarCommand;
import io.heliox.atlas.api.trading.ReleaseSessionKillSwitchCommand;
import io.heliox.atlas.api.trading.SessionBarClosedEvent;
import io.heliox.atlas.api.trading.SessionBarProcessedEvent;
import io.heliox.atlas.api.trading.SessionKillSwitchEvent;
import io.heliox.atlas.api.trading.SessionOrderEvent;
import io.heliox.atlas.api.trading.SessionRiskEvent;
import io.heliox.atlas.api.trading.StartPaperSessionCommand;
import io.heliox.atlas.api.trading.StopPaperSessionCommand;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.marketdata.BarReplayFeed;
import io.heliox.atlas.trading.marketdata.ManualPacer;
import io.heliox.atlas.trading.marketdata.ReplaySpeed;
import io.heliox.atlas.trading.risk.SessionRef;
import io.heliox.atlas.trading.session.SessionEvent;
import io.heliox.atlas.trading.session.StrategySession;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a paper session as an event-sourced aggregate. */
class PaperSessionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID ID = UUID.fromString("0b7e4c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b");
    static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

    private AggregateTestFixture<PaperSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PaperSession.class);
    }

    static ObjectNode settings() {
        ObjectNode s = JSON.createObjectNode();
        s.put("accountId", "paper-1");
        s.set("strategy", resource("contracts/fixtures/valid/strategy-dsl/sma-crossover.json"));
        ObjectNode scenario = (ObjectNode) resource("contracts/fixtures/valid/scenario-dsl/regime-switch.json");
        scenario.put("seed", 11).put("duration_bars", 160);
        s.set("scenario", scenario);
        s.putObject("instrument").put("symbol", "SYNTH").put("venue", "PAPER").put("assetClass", "crypto")
                .put("tickSize", "1E-80").put("lotSize", "1E-80").put("currency", "USD");
        s.put("initialCash", 10_000);
        s.putObject("execution").put("feeBps", 2).put("slippageBps", 1);
        return s;
    }

    static JsonNode resource(String name) {
        try (InputStream in = PaperSessionTest.class.getClassLoader().getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("no resource " + name, e);
        }
    }

    static PaperSessionStartedEvent started() {
        return new PaperSessionStartedEvent(ID, settings(), "trader-1", T);
    }

    @Test
    void aSessionStartsFromValidSettingsAndBadSettingsAreRefusedWithTheirPointer() {
        fixture.givenNoPriorActivity().when(new StartPaperSessionCommand(ID, settings(), "trader-1", T))
                .expectEvents(started());
        ObjectNode bad = settings();
        ((ObjectNode) bad.path("instrument")).put("tickSize", "-1");
        fixture.givenNoPriorActivity().when(new StartPaperSessionCommand(ID, bad, "trader-1", T))
                .expectNoEvents().expectException(IllegalArgumentException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("/instrument"));
        ObjectNode noStrategy = settings();
        noStrategy.remove("strategy");
        fixture.givenNoPriorActivity().when(new StartPaperSessionCommand(ID, noStrategy, "trader-1", T))
                .expectNoEvents().expectExceptionMessage("/strategy: required");
    }

    @Test
    void rebuiltFromItsEventsBeforeEveryBarTheSessionTradesAsOneRunStraightThrough() {
        List<Object> history = new ArrayList<>(List.of(started()));
        List<Object> outputs = new ArrayList<>();
        for (int bar = 0; bar < 160; bar++) {
            List<Object> caused = new ArrayList<>();
            fixture.given(history).when(new ProcessSessionBarCommand(ID, bar, T.plusSeconds(bar)))
                    .expectResultMessagePayload(bar + 1).expectEventsMatching(capture(caused));
            assertThat(caused.get(0)).isInstanceOf(SessionBarProcessedEvent.class);
            assertThat(caused).last().isInstanceOfSatisfying(SessionBarClosedEvent.class, c -> assertThat(c.bar()).isEqualTo(
                    ((SessionBarProcessedEvent) caused.get(0)).bar()));
            history.addAll(caused);
            outputs.addAll(caused);
            fixture = new AggregateTestFixture<>(PaperSession.class); // a fresh load from the events each time
        }

        // the same inputs through the pure session, once
        PaperSessionSettings settings = PaperSessionSettings.parse(settings());
        BarReplayFeed feed = BarReplayFeed.ofScenario(settings.instrument().id(), settings.scenario(),
                ScenarioGenerator.generate(settings.scenario()), ReplaySpeed.barEvery(settings.barEvery()), new ManualPacer());
        StrategySession straight = new StrategySession(new SessionRef("paper-1", ID.toString()), settings.instrument(),
                settings.strategy(), settings.execution(), settings.limits(), settings.venue(), feed.openTime(0));
        List<BigDecimal> prices = new ArrayList<>();
        List<BigDecimal> equity = new ArrayList<>();
        for (int bar = 0; bar < 160; bar++) {
            for (SessionEvent e : straight.onBar(feed.message(bar))) {
                if (e instanceof SessionEvent.Reported r && r.report() instanceof OrderFilled f) {
                    prices.add(f.fill().price());
                } else if (e instanceof SessionEvent.EquityMarked m) {
                    equity.add(m.equity());
                }
            }
        }
        List<SessionOrderEvent> fills = outputs.stream().filter(SessionOrderEvent.class::isInstance)
                .map(SessionOrderEvent.class::cast).filter(o -> o.kind().equals("filled")).toList();
        assertThat(fills).hasSize(prices.size()).isNotEmpty();
        for (int i = 0; i < fills.size(); i++) {
            assertThat(new BigDecimal(fills.get(i).detail().at("/fill/price").asText())).isEqualByComparingTo(prices.get(i));
        }
        assertThat(outputs.stream().filter(SessionBarClosedEvent.class::isInstance)
                .map(e -> ((SessionBarClosedEvent) e).equity()).toList()).isEqualTo(equity);
    }

    @Test
    void aBarIsTakenOnceAndInOrder() {
        List<Object> history = new ArrayList<>(List.of(started()));
        fixture.given(history).when(new ProcessSessionBarCommand(ID, 0, T)).expectEventsMatching(capture(history));
        fixture = new AggregateTestFixture<>(PaperSession.class);
        fixture.given(history).when(new ProcessSessionBarCommand(ID, 0, T)).expectNoEvents().expectResultMessagePayload(1);
        fixture.given(history).when(new ProcessSessionBarCommand(ID, 5, T)).expectNoEvents()
                .expectException(IllegalStateException.class);
    }

    @Test
    void theKillSwitchHaltsAtOnceAndOnlyAReleaseWithAReasonFreesIt() {
        List<Object> history = new ArrayList<>(List.of(started()));
        int bar = 0;
        boolean protectedPosition = false;
        while (!protectedPosition) { // until an entry's stop loss rests at the venue
            assertThat(bar).as("an entry with a stop loss within the scenario").isLessThan(160);
            List<Object> caused = new ArrayList<>();
            fixture.given(history).when(new ProcessSessionBarCommand(ID, bar++, T)).expectEventsMatching(capture(caused));
            history.addAll(caused);
            protectedPosition = caused.stream().anyMatch(e -> e instanceof SessionOrderEvent o
                    && o.kind().equals("acknowledged") && o.clientOrderId().contains("stop-loss"));
            fixture = new AggregateTestFixture<>(PaperSession.class);
        }
        List<Object> killed = new ArrayList<>();
        fixture.given(history).when(new EngageSessionKillSwitchCommand(ID, "trader-1", null, T))
                .expectEventsMatching(capture(killed));
        assertThat(killed.get(0)).isEqualTo(new SessionKillSwitchEvent(ID, true, "trader-1", "", T));
        assertThat(killed).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SessionOrderEvent.class, o -> {
            assertThat(o.kind()).isEqualTo("closed");
            assertThat(o.detail().path("code").asText()).isEqualTo("order.cancelled");
        }));
        assertThat(killed).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SessionRiskEvent.class, r -> {
            assertThat(r.kind()).isEqualTo("state_changed");
            assertThat(r.detail().path("to").asText()).isEqualTo("halted");
        }));
        history.addAll(killed);

        fixture = new AggregateTestFixture<>(PaperSession.class);
        fixture.given(history).when(new ReleaseSessionKillSwitchCommand(ID, "admin-1", " ", T))
                .expectNoEvents().expectException(IllegalArgumentException.class);
        List<Object> released = new ArrayList<>();
        fixture.given(history).when(new ReleaseSessionKillSwitchCommand(ID, "admin-1", "feed checked", T))
                .expectEventsMatching(capture(released));
        assertThat(released).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SessionRiskEvent.class,
                r -> assertThat(r.detail().path("to").asText()).isEqualTo("active")));
    }

    @Test
    void riskLimitsAreReplacedWithAReasonAndTheBarsAfterTradeUnderThem() {
        List<Object> history = new ArrayList<>(List.of(started()));
        for (int bar = 0; bar < 30; bar++) {
            history.add(new SessionBarProcessedEvent(ID, bar, T, T));
        }
        ObjectNode tight = JSON.createObjectNode().put("maxPosition", "0.5").put("maxOpenOrders", 3);
        fixture.given(history).when(new ChangeSessionRiskLimitsCommand(ID, tight, "trader-1", " ", T))
                .expectNoEvents().expectException(IllegalArgumentException.class);
        fixture.given(history).when(new ChangeSessionRiskLimitsCommand(ID,
                        JSON.createObjectNode().put("maxPosition", "-1"), "trader-1", "typo", T))
                .expectNoEvents().expectException(IllegalArgumentException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("/risk"));
        List<Object> changed = new ArrayList<>();
        fixture.given(history).when(new ChangeSessionRiskLimitsCommand(ID, tight, "trader-1", "volatility", T))
                .expectEventsMatching(capture(changed));
        assertThat(changed.get(0)).isEqualTo(new SessionRiskLimitsChangedEvent(ID, tight, "trader-1", "volatility", T));
        assertThat(changed).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SessionRiskEvent.class, r -> {
            assertThat(r.kind()).isEqualTo("limits_changed");
            assertThat(r.detail().at("/usage/limits").findValuesAsText("code")).contains("risk.max_position",
                    "risk.max_open_orders");
        }));
        history.addAll(changed);

        fixture = new AggregateTestFixture<>(PaperSession.class);
        fixture.given(history).when(new ChangeSessionRiskLimitsCommand(ID, tight, "trader-1", "again", T))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        List<Object> next = new ArrayList<>();
        fixture.given(history).when(new ProcessSessionBarCommand(ID, 30, T)).expectEventsMatching(capture(next));
        SessionBarClosedEvent closed = next.stream().filter(SessionBarClosedEvent.class::isInstance)
                .map(SessionBarClosedEvent.class::cast).findFirst().orElseThrow();
        assertThat(closed.risk().at("/limits").findValuesAsText("limit")).contains("0.5", "3");

        history.add(new PaperSessionStoppedEvent(ID, "trader-1", "enough", T));
        fixture = new AggregateTestFixture<>(PaperSession.class);
        fixture.given(history).when(new ChangeSessionRiskLimitsCommand(ID, JSON.createObjectNode(), "trader-1", "late", T))
                .expectNoEvents().expectException(IllegalStateException.class);
    }

    @Test
    void anAccountsSwitchHaltsTheSessionUntilReleasedAndItsOwnSwitchHoldsItApart() {
        List<Object> history = new ArrayList<>(List.of(started()));
        for (int bar = 0; bar < 10; bar++) {
            history.add(new SessionBarProcessedEvent(ID, bar, T, T));
        }
        List<Object> account = new ArrayList<>();
        fixture.given(history).when(new ApplyKillSwitchToSessionCommand(ID, "account", true, "desk-lead", "review", T))
                .expectEventsMatching(capture(account));
        assertThat(account.get(0)).isEqualTo(new SessionKillSwitchEvent(ID, true, "desk-lead", "review", T, "account"));
        assertThat(account).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SessionRiskEvent.class,
                r -> assertThat(r.detail().path("to").asText()).isEqualTo("halted")));
        history.addAll(account);
        fixture = new AggregateTestFixture<>(PaperSession.class);
        fixture.given(history).when(new ApplyKillSwitchToSessionCommand(ID, "account", true, "desk-lead", "again", T))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(history).when(new ApplyKillSwitchToSessionCommand(ID, "desk", true, "desk-lead", "?", T))
                .expectNoEvents().expectException(IllegalArgumentException.class);

        // its own switch too: releasing the account's leaves it halted
        List<Object> own = new ArrayList<>();
        fixture.given(history).when(new EngageSessionKillSwitchCommand(ID, "trader-1", "mine", T))
                .expectEventsMatching(capture(own));
        history.addAll(own);
        fixture = new AggregateTestFixture<>(PaperSession.class);
        List<Object> released = new ArrayList<>();
        fixture.given(history).when(new ApplyKillSwitchToSessionCommand(ID, "account", false, "desk-lead", "ok", T))
                .expectEventsMatching(capture(released));
        assertThat(released).noneSatisfy(e -> assertThat(e).isInstanceOfSatisfying(SessionRiskEvent.class,
                r -> assertThat(r.kind()).isEqualTo("state_changed")));
        history.addAll(released);
        fixture = new AggregateTestFixture<>(PaperSession.class);
        List<Object> freed = new ArrayList<>();
        fixture.given(history).when(new ReleaseSessionKillSwitchCommand(ID, "trader-1", "all clear", T))
                .expectEventsMatching(capture(freed));
        assertThat(freed).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SessionRiskEvent.class,
                r -> assertThat(r.detail().path("to").asText()).isEqualTo("active")));
    }

    @Test
    void aSwitchOverManySessionsRecordsEachChangeOnceAndAReleaseNeedsAReason() {
        var switches = new AggregateTestFixture<>(TradingKillSwitch.class);
        UUID id = TradingKillSwitch.accountId(UUID.randomUUID(), "desk-a");
        TradingKillSwitchEvent on = new TradingKillSwitchEvent(id, "account", "desk-a", true, "lead", "", T);
        switches.givenNoPriorActivity().when(new EngageTradingKillSwitchCommand(id, "account", "desk-a", "lead", null, T))
                .expectEvents(on);
        switches.given(on).when(new EngageTradingKillSwitchCommand(id, "account", "desk-a", "lead", "again", T))
                .expectNoEvents();
        switches.given(on).when(new ReleaseTradingKillSwitchCommand(id, "account", "desk-a", "lead", " ", T))
                .expectNoEvents().expectException(IllegalArgumentException.class);
        switches.given(on).when(new ReleaseTradingKillSwitchCommand(id, "account", "desk-a", "lead", "checked", T))
                .expectEvents(new TradingKillSwitchEvent(id, "account", "desk-a", false, "lead", "checked", T));
        new AggregateTestFixture<>(TradingKillSwitch.class).givenNoPriorActivity()
                .when(new EngageTradingKillSwitchCommand(TradingKillSwitch.globalId(), "global",
                "desk-a", "admin", "", T)).expectNoEvents().expectException(IllegalArgumentException.class);
    }

    @Test
    void aStoppedSessionTakesNoMoreBarsAndTheEndOfItsDataStopsIt() {
        List<Object> history = new ArrayList<>(List.of(started()));
        fixture.given(history).when(new StopPaperSessionCommand(ID, "trader-1", "enough", T))
                .expectEventsMatching(capture(history));
        assertThat(history).contains(new PaperSessionStoppedEvent(ID, "trader-1", "enough", T));
        fixture = new AggregateTestFixture<>(PaperSession.class);
        fixture.given(history).when(new ProcessSessionBarCommand(ID, 0, T)).expectNoEvents();

        List<Object> running = new ArrayList<>(List.of(started()));
        for (int bar = 0; bar < 160; bar++) {
            running.add(new SessionBarProcessedEvent(ID, bar, T, T)); // inputs alone rebuild the session
        }
        fixture = new AggregateTestFixture<>(PaperSession.class);
        List<Object> ended = new ArrayList<>();
        fixture.given(running).when(new ProcessSessionBarCommand(ID, 160, T)).expectEventsMatching(capture(ended));
        assertThat(ended.get(0)).isEqualTo(new PaperSessionStoppedEvent(ID, PaperSession.SYSTEM, "market_data.ended", T));
    }

    /** A matcher that keeps the published events' payloads, so a test can read them and replay them. */
    static CustomTypeSafeMatcher<List<? super EventMessage<?>>> capture(List<Object> into) {
        return new CustomTypeSafeMatcher<>("any events (captured)") {
            @Override
            protected boolean matchesSafely(List<? super EventMessage<?>> events) {
                for (Object e : events) {
                    into.add(((EventMessage<?>) e).getPayload());
                }
                return true;
            }
        };
    }
}
