package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.trading.EngageSessionKillSwitchCommand;
import io.heliox.atlas.api.trading.SessionKillSwitchEvent;
import io.heliox.atlas.api.trading.SessionOrderEvent;
import io.heliox.atlas.api.trading.StartPaperSessionCommand;
import io.heliox.atlas.api.trading.StopPaperSessionCommand;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.command.application.workspace.WorkspaceAccess;
import io.heliox.atlas.command.trading.PaperSessionSettings;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.trading.marketdata.BarReplayFeed;
import io.heliox.atlas.trading.marketdata.ManualPacer;
import io.heliox.atlas.trading.marketdata.ReplaySpeed;
import io.heliox.atlas.trading.risk.SessionRef;
import io.heliox.atlas.trading.session.SessionEvent;
import io.heliox.atlas.trading.session.StrategySession;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paper sessions run by the feed against the real command bus, event store and PostgreSQL: bars
 * arrive at the session's speed, the row follows every bar, the end of the data stops the session,
 * and the kill switch halts it within the second.
 */
class PaperSessionDriveTest extends AtlasIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore events;

    static ObjectNode settings(int bars, int everyMs) {
        ObjectNode s = JSON.createObjectNode();
        s.put("accountId", "paper-it");
        s.set("strategy", resource("contracts/fixtures/valid/strategy-dsl/sma-crossover.json"));
        ObjectNode scenario = (ObjectNode) resource("contracts/fixtures/valid/scenario-dsl/regime-switch.json");
        scenario.put("seed", 3).put("duration_bars", bars);
        s.set("scenario", scenario);
        s.putObject("instrument").put("symbol", "SYNTH").put("venue", "PAPER").put("assetClass", "crypto")
                .put("tickSize", "0.01").put("lotSize", "0.0001").put("currency", "USD");
        s.put("initialCash", 10_000);
        s.putObject("execution").put("feeBps", 2).put("slippageBps", 1);
        s.putObject("fills").put("model", "realistic").put("seed", 9).put("makerBps", "1").put("takerBps", "4");
        s.put("barEveryMs", everyMs);
        return s;
    }

    static JsonNode resource(String name) {
        try (InputStream in = PaperSessionDriveTest.class.getClassLoader().getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("no resource " + name, e);
        }
    }

    Object send(Object command, Principal as) {
        UUID workspace = workspaces.defaultWorkspace(as.userId()).orElseThrow();
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(
                WorkspaceAccess.PRINCIPAL, as.username()).and(Scope.METADATA_KEY, workspace.toString())));
    }

    Map<String, Object> row(UUID session) {
        return jdbc.queryForMap("select * from paper_sessions where id = ?", session);
    }

    @Test
    void theFeedRunsASessionBarByBarToTheEndOfItsDataAndTheRowEndsAsTheSessionDoes() {
        Principal trader = newUser("paper");
        UUID session = UUID.randomUUID();
        ObjectNode settings = settings(150, 5);
        send(new StartPaperSessionCommand(session, settings, trader.username(), Instant.now()), trader);
        assertThat(row(session)).containsEntry("status", "running").containsEntry("bars_total", 150);

        await(Duration.ofSeconds(60), "the session to reach the end of its data",
                () -> "stopped".equals(row(session).get("status")));
        Map<String, Object> done = row(session);
        assertThat(done).containsEntry("next_bar", 150).containsEntry("stop_reason", "market_data.ended")
                .containsEntry("workspace_id", workspaces.defaultWorkspace(trader.userId()).orElseThrow());

        // the same settings through the pure session, straight: the feed added nothing and lost nothing
        PaperSessionSettings parsed = PaperSessionSettings.parse(settings);
        BarReplayFeed feed = BarReplayFeed.ofScenario(parsed.instrument().id(), parsed.scenario(),
                ScenarioGenerator.generate(parsed.scenario()), ReplaySpeed.barEvery(parsed.barEvery()), new ManualPacer());
        StrategySession straight = new StrategySession(new SessionRef("paper-it", session.toString()), parsed.instrument(),
                parsed.strategy(), parsed.execution(), parsed.limits(), parsed.venue(), feed.openTime(0));
        int fills = 0;
        for (int bar = 0; bar < 150; bar++) {
            for (SessionEvent e : straight.onBar(feed.message(bar))) {
                fills += e instanceof SessionEvent.Reported r
                        && r.report() instanceof io.heliox.atlas.trading.execution.OrderFilled ? 1 : 0;
            }
        }
        assertThat((BigDecimal) done.get("equity")).isEqualByComparingTo(straight.equity());
        assertThat(done.get("fills")).isEqualTo(fills);
        assertThat(fills).isPositive();
    }

    @Test
    void theKillSwitchHaltsARunningSessionWithinASecondAndNothingNewIsSubmittedAfterIt() {
        Principal trader = newUser("kill");
        UUID session = UUID.randomUUID();
        send(new StartPaperSessionCommand(session, settings(5_000, 10), trader.username(), Instant.now()), trader);
        await(Duration.ofSeconds(30), "some bars", () -> ((Integer) row(session).get("next_bar")) > 40);

        long asked = System.nanoTime();
        send(new EngageSessionKillSwitchCommand(session, trader.username(), "", Instant.now()), trader);
        await(Duration.ofSeconds(1), "the session halted", () -> "halted".equals(row(session).get("state")));
        double tookMs = (System.nanoTime() - asked) / 1e6;
        int haltedAt = (Integer) row(session).get("next_bar");
        await(Duration.ofSeconds(30), "bars after the halt", () -> ((Integer) row(session).get("next_bar")) > haltedAt + 20);

        List<? extends DomainEventMessage<?>> log = events.readEvents(session.toString(), 0).asStream().toList();
        long killSeq = log.stream().filter(m -> m.getPayload() instanceof SessionKillSwitchEvent)
                .findFirst().orElseThrow().getSequenceNumber();
        assertThat(log.stream().filter(m -> m.getSequenceNumber() > killSeq)
                .map(DomainEventMessage::getPayload).filter(SessionOrderEvent.class::isInstance)
                .map(p -> ((SessionOrderEvent) p).kind())).doesNotContain("submitted", "filled");
        assertThat(tookMs).as("request to HALTED, ms").isLessThan(1_000);

        send(new StopPaperSessionCommand(session, trader.username(), "test over", Instant.now()), trader);
        assertThat(row(session)).containsEntry("status", "stopped").containsEntry("stop_reason", "test over");
    }
}
