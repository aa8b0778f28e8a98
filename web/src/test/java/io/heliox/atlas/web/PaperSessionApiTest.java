package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.PaperItems;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paper sessions over HTTP: a strategy saved from a run is deployed (its package verified), trades
 * bar by bar on the paper venue to the end of its data, and can be killed, released with a reason
 * and stopped; bad requests answer 4xx problems with pointers; another workspace sees nothing.
 */
class PaperSessionApiTest extends AtlasIntegrationTest {

    static final String SCENARIO = """
            {"id":"paper-api","version":"0.1","timeframe":"1h","duration_bars":%d,"seed":5,"family":"regime_switch",
             "params":{"bull":{"drift":5,"sigma":60},"bear":{"drift":-8,"sigma":120},"sideways":{"drift":0,"sigma":30},
             "transition":[[0.98,0.01,0.01],[0.02,0.95,0.03],[0.02,0.02,0.96]],"initial_regime":"sideways"},
             "volume_model":"lognormal"}""";

    /** A strategy saved from a run, with its signed package: the portfolio item's id. */
    String packagedItem() {
        long seed = 9_000 + System.nanoTime() % 1_000;
        System.out.println("paper session test: the strategy comes from a run with seed " + seed);
        return PaperItems.packaged(api, seed);
    }

    static JsonNode resource(String name) {
        try (var in = PaperSessionApiTest.class.getClassLoader().getResourceAsStream(name)) {
            return Api.JSON.readTree(in);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("no resource " + name, e);
        }
    }

    static String request(String item, int bars, int everyMs) {
        return "{\"portfolioItemId\":\"" + item + "\",\"scenario\":" + SCENARIO.formatted(bars)
                + ",\"barEveryMs\":" + everyMs + ",\"execution\":{\"feeBps\":2,\"slippageBps\":1}}";
    }

    @Test
    void aPackagedStrategyIsDeployedTradesToTheEndOfItsDataAndItsLogShowsTheTrades() {
        String item = packagedItem();
        Api.Response started = api.postJson("/v1/paper-sessions", request(item, 300, 5));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asText();
        assertThat(started.header("Location")).isEqualTo("/v1/paper-sessions/" + id);
        assertThat(started.json().get("status").asText()).isEqualTo("running");
        assertThat(started.json().get("instrument").asText()).isEqualTo("SYNTH.PAPER");

        await(Duration.ofSeconds(60), "the end of the session's data",
                () -> api.get("/v1/paper-sessions/" + id).json().get("status").asText().equals("stopped"));
        JsonNode done = api.get("/v1/paper-sessions/" + id).json();
        assertThat(done.get("nextBar").asInt()).isEqualTo(300);
        assertThat(done.get("stopReason").asText()).isEqualTo("market_data.ended");
        assertThat(done.get("equity").asText()).matches("-?[0-9]+(\\.[0-9]+)?");

        List<JsonNode> log = new ArrayList<>();
        long after = 0;
        while (true) { // paged
            JsonNode page = api.get("/v1/paper-sessions/" + id + "/activity?limit=50&after=" + after).json();
            page.get("items").forEach(log::add);
            if (page.get("nextAfter").isNull()) {
                break;
            }
            after = page.get("nextAfter").asLong();
        }
        assertThat(log).extracting(e -> e.get("seq").asLong()).isSorted().doesNotHaveDuplicates();
        long fills = log.stream().filter(e -> e.path("kind").asText().equals("filled")).count();
        assertThat(fills).isEqualTo(done.get("fills").asLong()).isPositive();
        assertThat(log).anySatisfy(e -> assertThat(e.path("kind").asText()).isEqualTo("submitted"));
        int stop = indexOfType(log, "stopped");
        assertThat(stop).as("the session stopped at the end of its data").isNotNegative();
        assertThat(log.subList(stop + 1, log.size())).as("after the stop, only the cancels it caused")
                .allSatisfy(e -> assertThat(e.path("kind").asText()).isEqualTo("closed"));
        JsonNode curve = api.get("/v1/paper-sessions/" + id + "/equity").json().get("points");
        assertThat(curve).hasSize(300);
        assertThat(curve.get(299).get("equity").asText()).isEqualTo(done.get("equity").asText());
        assertThat(StreamSupport.stream(curve.spliterator(), false).map(p -> p.get("bar").asInt()))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 300).boxed().toList());
        assertThat(api.get("/v1/paper-sessions").json().get("items")).anySatisfy(s ->
                assertThat(s.get("id").asText()).isEqualTo(id));
        assertThat(new BigDecimal(done.get("drawdown").asText())).isBetween(BigDecimal.ZERO, BigDecimal.ONE);

        // The read models agree with the log and with each other.
        List<JsonNode> fillRows = new ArrayList<>();
        after = 0;
        while (true) {
            JsonNode page = api.get("/v1/paper-sessions/" + id + "/fills?limit=7&after=" + after).json();
            page.get("items").forEach(fillRows::add);
            if (page.get("nextAfter").isNull()) {
                break;
            }
            after = page.get("nextAfter").asLong();
        }
        assertThat(fillRows).hasSize((int) fills);
        assertThat(fillRows).extracting(f -> f.get("seq").asLong())
                .containsExactlyElementsOf(log.stream().filter(e -> e.path("kind").asText().equals("filled"))
                        .map(e -> e.get("seq").asLong()).toList());
        BigDecimal net = fillRows.stream().map(f -> new BigDecimal(f.get("quantity").asText())
                .multiply(BigDecimal.valueOf(f.get("side").asText().equals("buy") ? 1 : -1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode positions = api.get("/v1/paper-sessions/" + id + "/positions").json().get("items");
        assertThat(positions).hasSize(1);
        assertThat(new BigDecimal(positions.get(0).get("quantity").asText())).isEqualByComparingTo(net)
                .isEqualByComparingTo(new BigDecimal(done.get("position").asText()));
        JsonNode orders = api.get("/v1/paper-sessions/" + id + "/orders?limit=1000").json().get("items");
        assertThat(orders).hasSize((int) log.stream().filter(e -> e.path("kind").asText().equals("submitted")).count());
        BigDecimal filledByOrders = StreamSupport.stream(orders.spliterator(), false)
                .map(o -> new BigDecimal(o.get("filledQuantity").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal filledByFills = fillRows.stream().map(f -> new BigDecimal(f.get("quantity").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(filledByOrders).isEqualByComparingTo(filledByFills);
        assertThat(orders).allSatisfy(o -> assertThat(o.get("status").asText()).isIn("filled", "cancelled", "rejected"));
        assertThat(api.get("/v1/paper-sessions/" + id + "/orders?status=open").json().get("items")).isEmpty();
        assertThat(api.get("/v1/paper-sessions/" + id + "/orders?status=bogus").status()).isEqualTo(400);

        // The stream replays the whole session and closes after its stop; a resume sends only what follows.
        SseRead stream = api.stream("/v1/paper-sessions/" + id + "/events");
        assertThat(stream.events()).extracting(SseRead.Event::seq).isSorted().doesNotHaveDuplicates();
        assertThat(stream.events().get(0).type()).isEqualTo("started");
        assertThat(stream.events().stream().filter(e -> e.type().equals("bar")).count()).isEqualTo(300);
        assertThat(stream.events().stream().filter(e -> e.type().equals("order")
                && e.json().get("kind").asText().equals("filled")).count()).isEqualTo(fills);
        assertThat(stream.events()).extracting(SseRead.Event::type).contains("stopped");
        assertThat(stream.events().get(stream.events().size() - 1).seq()).as("the stream ends with the session's last event")
                .isEqualTo(log.get(log.size() - 1).get("seq").asLong());
        SseRead.Event lastPosition = stream.events().stream().filter(e -> e.type().equals("position"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(new BigDecimal(lastPosition.json().at("/detail/quantity").asText())).isEqualByComparingTo(net);
        long middle = stream.events().get(stream.events().size() / 2).seq();
        SseRead resumed = api.stream("/v1/paper-sessions/" + id + "/events", "Last-Event-ID", Long.toString(middle));
        assertThat(resumed.events()).extracting(SseRead.Event::seq)
                .containsExactlyElementsOf(stream.events().stream().map(SseRead.Event::seq).filter(q -> q > middle).toList());
    }

    @Test
    void riskLimitsAreReadWithTheirUsageAndReplacedWithAReason() {
        String item = packagedItem();
        String body = request(item, 5_000, 20);
        body = body.substring(0, body.length() - 1) + ",\"risk\":{\"maxPosition\":\"50\",\"maxOpenOrders\":20}}";
        String id = api.postJson("/v1/paper-sessions", body).json().get("id").asText();
        await(Duration.ofSeconds(30), "some bars", () -> api.get("/v1/paper-sessions/" + id).json().get("nextBar").asInt() > 10);

        JsonNode risk = api.get("/v1/paper-sessions/" + id + "/risk").json();
        assertThat(risk.at("/limits/maxPosition").asText()).isEqualTo("50");
        assertThat(risk.get("state").asText()).isEqualTo("active");
        JsonNode position = usage(risk, "risk.max_position");
        assertThat(position.get("limit").asText()).isEqualTo("50");
        assertThat(position.get("exceeded").asBoolean()).isFalse();
        assertThat(usage(risk, "risk.max_open_orders").get("limit").asText()).isEqualTo("20");

        Api.Response noReason = api.putJson("/v1/paper-sessions/" + id + "/risk", "{\"risk\":{}}");
        assertThat(noReason.status()).isEqualTo(400);
        Api.Response negative = api.putJson("/v1/paper-sessions/" + id + "/risk",
                "{\"risk\":{\"maxPosition\":\"-1\"},\"reason\":\"typo\"}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().at("/errors/0/pointer").asText()).startsWith("/risk");

        Api.Response tightened = api.putJson("/v1/paper-sessions/" + id + "/risk",
                "{\"risk\":{\"maxPosition\":\"0.0001\"},\"reason\":\"volatility doubled\"}");
        assertThat(tightened.status()).as(tightened.body()).isEqualTo(200);
        assertThat(tightened.json().at("/limits/maxPosition").asText()).isEqualTo("0.0001");
        assertThat(tightened.json().at("/limits/maxOpenOrders").isMissingNode()).as("replaced whole").isTrue();
        assertThat(usage(tightened.json(), "risk.max_position").get("limit").asText()).isEqualTo("0.0001");
        JsonNode log = api.get("/v1/paper-sessions/" + id + "/activity?limit=1000").json().get("items");
        assertThat(log).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("limits_changed");
            assertThat(e.at("/detail/reason").asText()).isEqualTo("volatility doubled");
            assertThat(e.at("/detail/principal").asText()).isNotBlank();
        });
        int changes = count(log, "limits_changed");
        Api.Response same = api.putJson("/v1/paper-sessions/" + id + "/risk",
                "{\"risk\":{\"maxPosition\":\"0.0001\"},\"reason\":\"again\"}");
        assertThat(same.status()).isEqualTo(200);
        assertThat(count(api.get("/v1/paper-sessions/" + id + "/activity?limit=1000").json().get("items"), "limits_changed"))
                .as("the same limits again record nothing").isEqualTo(changes);

        api.postJson("/v1/paper-sessions/" + id + "/stop", "{\"reason\":\"done\"}");
        Api.Response afterStop = api.putJson("/v1/paper-sessions/" + id + "/risk",
                "{\"risk\":{\"maxPosition\":\"1\"},\"reason\":\"too late\"}");
        assertThat(afterStop.status()).isEqualTo(409);
    }

    private static JsonNode usage(JsonNode risk, String code) {
        return StreamSupport.stream(risk.at("/usage/limits").spliterator(), false)
                .filter(l -> l.get("code").asText().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no usage of " + code + " in " + risk));
    }

    private static int indexOfType(List<JsonNode> log, String type) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).get("type").asText().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(JsonNode log, String kind) {
        return (int) StreamSupport.stream(log.spliterator(), false).filter(e -> e.path("kind").asText().equals(kind)).count();
    }

    @Test
    void anAccountsKillSwitchHaltsItsSessionsOnlyAndTheGlobalOneHaltsEveryOneNewOnesIncluded() {
        String item = packagedItem();
        String a1 = onAccount(item, "desk-a");
        String a2 = onAccount(item, "desk-a");
        String b = onAccount(item, "desk-b");
        for (String id : List.of(a1, a2, b)) {
            await(Duration.ofSeconds(30), "bars", () -> api.get("/v1/paper-sessions/" + id).json().get("nextBar").asInt() > 5);
        }

        long asked = System.nanoTime();
        Api.Response killed = api.post("/v1/paper-accounts/desk-a/kill", "");
        double ms = (System.nanoTime() - asked) / 1e6;
        assertThat(killed.status()).as(killed.body()).isEqualTo(200);
        assertThat(killed.json().get("engaged").asBoolean()).isTrue();
        assertThat(killed.json().get("runningSessions").asInt()).isEqualTo(2);
        assertThat(killed.json().get("haltedSessions").asInt()).as("halted in the answer itself").isEqualTo(2);
        System.out.printf("account kill switch: 2 sessions HALTED in the answer after %.1f ms%n", ms);
        assertThat(state(a1)).isEqualTo("halted");
        assertThat(state(a2)).isEqualTo("halted");
        assertThat(state(b)).isEqualTo("active");
        assertThat(api.get("/v1/paper-sessions/" + a1 + "/orders?status=open").json().get("items")).isEmpty();
        assertThat(api.post("/v1/paper-accounts/not%20an%20account/kill", "").status()).isEqualTo(400);

        assertThat(api.postJson("/v1/paper-accounts/desk-a/release", "{}").status()).isEqualTo(400);
        // a session's own switch still holds it when its account's is released
        api.post("/v1/paper-sessions/" + a1 + "/kill", "");
        Api.Response released = api.postJson("/v1/paper-accounts/desk-a/release", "{\"reason\":\"desk checked\"}");
        assertThat(released.json().get("engaged").asBoolean()).isFalse();
        assertThat(state(a1)).as("its own switch is still on").isEqualTo("halted");
        assertThat(state(a2)).isEqualTo("active");
        api.postJson("/v1/paper-sessions/" + a1 + "/release", "{\"reason\":\"fine\"}");
        assertThat(state(a1)).isEqualTo("active");

        try {
            globalSwitch(a1, a2, b, item);
        } finally { // the installation's switch must not outlive this test, whatever happens in it
            api.postJson("/v1/kill-switch/release", "{\"reason\":\"test over\"}");
        }
    }

    private void globalSwitch(String a1, String a2, String b, String item) {
        Api.Response all = api.postJson("/v1/kill-switch/engage", "{\"reason\":\"exchange outage\"}");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("haltedSessions").asInt()).isEqualTo(all.json().get("runningSessions").asInt());
        for (String id : List.of(a1, a2, b)) {
            assertThat(state(id)).isEqualTo("halted");
        }
        String late = onAccount(item, "desk-c");
        await(Duration.ofSeconds(30), "bars", () -> api.get("/v1/paper-sessions/" + late).json().get("nextBar").asInt() > 30);
        assertThat(state(late)).as("deployed under the global switch: halted from the start").isEqualTo("halted");
        assertThat(api.get("/v1/paper-sessions/" + late).json().get("fills").asInt()).as("it never traded").isZero();
        assertThat(api.get("/v1/paper-sessions/" + late + "/orders").json().get("items"))
                .as("what its strategy tried was denied before the venue").allSatisfy(o ->
                        assertThat(o.get("status").asText()).isEqualTo("denied"));
        JsonNode switches = api.get("/v1/kill-switches").json().get("items");
        assertThat(switches).anySatisfy(s -> {
            assertThat(s.get("scope").asText()).isEqualTo("global");
            assertThat(s.get("engaged").asBoolean()).isTrue();
            assertThat(s.get("reason").asText()).isEqualTo("exchange outage");
        });
        assertThat(switches).anySatisfy(s -> {
            assertThat(s.get("accountId").asText()).isEqualTo("desk-a");
            assertThat(s.get("engaged").asBoolean()).isFalse();
        });
        Api.Response freed = api.postJson("/v1/kill-switch/release", "{\"reason\":\"venue back\"}");
        assertThat(freed.json().get("engaged").asBoolean()).isFalse();
        for (String id : List.of(a1, a2, b, late)) {
            assertThat(state(id)).isEqualTo("active");
            api.postJson("/v1/paper-sessions/" + id + "/stop", "{\"reason\":\"done\"}");
        }
    }

    private String onAccount(String item, String account) {
        String body = request(item, 5_000, 20);
        body = body.substring(0, body.length() - 1) + ",\"accountId\":\"" + account + "\"}";
        Api.Response started = api.postJson("/v1/paper-sessions", body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private String state(String session) {
        return api.get("/v1/paper-sessions/" + session).json().get("state").asText();
    }

    @Test
    void theKillSwitchHaltsAtOnceAReleaseNeedsAReasonAndAStopEndsIt() {
        String item = packagedItem();
        String id = api.postJson("/v1/paper-sessions", request(item, 5_000, 20)).json().get("id").asText();
        await(Duration.ofSeconds(30), "some bars", () -> api.get("/v1/paper-sessions/" + id).json().get("nextBar").asInt() > 10);

        long asked = System.nanoTime();
        Api.Response killed = api.post("/v1/paper-sessions/" + id + "/kill", "");
        double ms = (System.nanoTime() - asked) / 1e6;
        assertThat(killed.status()).isEqualTo(200);
        assertThat(killed.json().get("state").asText()).as("halted in the answer itself").isEqualTo("halted");
        assertThat(ms).as("kill request to HALTED, ms").isLessThan(1_000);
        System.out.printf("paper session kill switch: HALTED in the answer after %.1f ms%n", ms);

        Api.Response noReason = api.postJson("/v1/paper-sessions/" + id + "/release", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/pointer").asText()).isEqualTo("/reason");
        Api.Response released = api.postJson("/v1/paper-sessions/" + id + "/release", "{\"reason\":\"checked the feed\"}");
        assertThat(released.json().get("state").asText()).isEqualTo("active");

        Api.Response stopped = api.postJson("/v1/paper-sessions/" + id + "/stop", "{\"reason\":\"done\"}");
        assertThat(stopped.json().get("status").asText()).isEqualTo("stopped");
        assertThat(stopped.json().get("stopReason").asText()).isEqualTo("done");
        JsonNode log = api.get("/v1/paper-sessions/" + id + "/activity?limit=1000").json().get("items");
        assertThat(StreamSupport.stream(log.spliterator(), false).map(e -> e.get("type").asText() + ":" + e.path("kind").asText()))
                .contains("kill_switch:engaged", "kill_switch:released", "stopped:");
    }

    @Test
    void badRequestsAre4xxProblemsWithPointersAndAnotherWorkspaceSeesNothing() {
        Api.Response noItem = api.postJson("/v1/paper-sessions", request("3f1c2b8e-4d5a-4e6f-9a0b-1c2d3e4f5a6b", 100, 5));
        assertThat(noItem.status()).isEqualTo(404);

        ObjectNode bare = Api.JSON.createObjectNode().put("name", "no package");
        bare.set("strategy", resource("contracts/fixtures/valid/strategy-dsl/minimal.json"));
        Api.Response savedBare = api.postJson("/v1/portfolio", bare.toString());
        assertThat(savedBare.status()).as(savedBare.body()).isEqualTo(201);
        Api.Response unpackaged = api.postJson("/v1/paper-sessions",
                request(savedBare.json().get("id").asText(), 100, 5));
        assertThat(unpackaged.status()).isEqualTo(409);
        assertThat(unpackaged.json().get("type").asText()).endsWith("package-missing");

        String item = packagedItem();
        Api.Response badScenario = api.postJson("/v1/paper-sessions", "{\"portfolioItemId\":\"" + item
                + "\",\"scenario\":{\"id\":\"x\"}}");
        assertThat(badScenario.status()).isEqualTo(400);
        assertThat(badScenario.json().at("/errors/0/pointer").asText()).startsWith("/scenario");
        Api.Response badTick = api.postJson("/v1/paper-sessions", "{\"portfolioItemId\":\"" + item + "\",\"scenario\":"
                + SCENARIO.formatted(100) + ",\"instrument\":{\"symbol\":\"X\",\"venue\":\"P\",\"assetClass\":\"crypto\","
                + "\"tickSize\":\"0\",\"lotSize\":\"1\",\"currency\":\"USD\"}}");
        assertThat(badTick.status()).isEqualTo(400);
        assertThat(badTick.json().at("/errors/0/pointer").asText()).startsWith("/instrument");
        assertThat(api.get("/v1/paper-sessions/not-a-uuid").status()).isEqualTo(400);
        String runId = startRun("{\"prompt\":\"Create MA crossover strategy\"}");
        assertThat(api.get("/v1/paper-sessions/" + runId + "/activity").status()).as("a run is no session").isEqualTo(404);
        assertThat(api.post("/v1/paper-sessions/" + runId + "/kill", "").status()).isEqualTo(404);

        String id = api.postJson("/v1/paper-sessions", request(item, 100, 5)).json().get("id").asText();
        Principal stranger = newUser("stranger");
        Api other = api.withKey(identity.issueKey(stranger.userId(), "k", null).key());
        assertThat(other.get("/v1/paper-sessions/" + id).status()).isEqualTo(404);
        assertThat(other.post("/v1/paper-sessions/" + id + "/kill", "").status()).isEqualTo(404);
        assertThat(other.get("/v1/paper-sessions/" + id + "/activity").status()).isEqualTo(404);
        assertThat(other.get("/v1/paper-sessions/" + id + "/equity").status()).isEqualTo(404);
        assertThat(other.get("/v1/paper-sessions/" + id + "/orders").status()).isEqualTo(404);
        assertThat(other.get("/v1/paper-sessions/" + id + "/fills").status()).isEqualTo(404);
        assertThat(other.get("/v1/paper-sessions/" + id + "/positions").status()).isEqualTo(404);
        assertThat(other.get("/v1/paper-sessions/" + id + "/events").status()).isEqualTo(404);
        assertThat(other.get("/v1/paper-sessions").json().get("items")).isEmpty();
        Api.Response crossDeploy = other.postJson("/v1/paper-sessions", request(item, 100, 5));
        assertThat(crossDeploy.status()).as("another workspace's item").isEqualTo(404);
    }
}
