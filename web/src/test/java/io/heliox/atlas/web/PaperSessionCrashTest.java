package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.PaperItems;
import io.heliox.atlas.web.support.AppProcess;
import io.heliox.atlas.web.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paper session survives SIGKILL: the application is killed while a session trades, restarted on
 * the same data directory, and the session carries on from the bar it waits for. It takes every bar
 * exactly once, submits no order twice, and ends with the equity and fills of the same session run
 * without a crash (the session is rebuilt from its events, paper venue included).
 */
class PaperSessionCrashTest {

    static final String SCENARIO = """
            {"id":"paper-crash","version":"0.1","timeframe":"1h","duration_bars":600,"seed":21,"family":"regime_switch",
             "params":{"bull":{"drift":5,"sigma":60},"bear":{"drift":-8,"sigma":120},"sideways":{"drift":0,"sigma":30},
             "transition":[[0.98,0.01,0.01],[0.02,0.95,0.03],[0.02,0.02,0.96]],"initial_regime":"sideways"},
             "volume_model":"lognormal"}""";

    @Test
    void aSessionKilledMidwayCarriesOnAfterTheRestartAndEndsAsAnUninterruptedOne() throws Exception {
        Path data = TestDatabase.freshDataDir();
        int port = AppProcess.freePort();
        int dbPort = AppProcess.freePort();
        String request;
        String crashed;
        int killedAfter;
        try (AppProcess app = AppProcess.start(data, port, dbPort, "paper-crash-0").awaitHealthy(Duration.ofSeconds(120))) {
            Api api = new Api(port, data);
            request = "{\"portfolioItemId\":\"" + PaperItems.packaged(api, 3) + "\",\"scenario\":" + SCENARIO
                    + ",\"barEveryMs\":15,\"execution\":{\"feeBps\":2,\"slippageBps\":1},"
                    // the backtest's fills: no noise drawn per order id (the two sessions' ids differ)
                    + "\"fills\":{\"model\":\"engine\"}}";
            Api.Response started = api.postJson("/v1/paper-sessions", request);
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            crashed = started.json().get("id").asText();
            await(Duration.ofSeconds(60), "bars before the kill",
                    () -> api.get("/v1/paper-sessions/" + crashed).json().get("nextBar").asInt() > 150);
            killedAfter = api.get("/v1/paper-sessions/" + crashed).json().get("nextBar").asInt();
            app.kill();
        }

        try (AppProcess app = AppProcess.start(data, port, dbPort, "paper-crash-1").awaitHealthy(Duration.ofSeconds(120))) {
            Api api = new Api(port, data);
            String straight = api.postJson("/v1/paper-sessions", request).json().get("id").asText();
            for (String id : List.of(crashed, straight)) {
                await(Duration.ofSeconds(90), "session " + id + " to end",
                        () -> api.get("/v1/paper-sessions/" + id).json().get("status").asText().equals("stopped"));
            }
            JsonNode after = api.get("/v1/paper-sessions/" + crashed).json();
            JsonNode reference = api.get("/v1/paper-sessions/" + straight).json();
            assertThat(after.get("stopReason").asText()).isEqualTo("market_data.ended");
            assertThat(after.get("nextBar").asInt()).isEqualTo(600);
            assertThat(bars(dbPort, crashed)).as("every bar once, in order").isEqualTo(
                    java.util.stream.IntStream.range(0, 600).boxed().toList());
            List<String> submitted = submitted(dbPort, crashed);
            assertThat(submitted).as("no order submitted twice").doesNotHaveDuplicates();
            assertThat(after.get("fills").asInt()).isPositive().isEqualTo(reference.get("fills").asInt());
            assertThat(after.get("equity").asText()).isEqualTo(reference.get("equity").asText());
            System.out.printf("paper session crash: killed after bar %d of 600; resumed, %d orders, %d fills, equity %s"
                    + " (uninterrupted: %s)%n", killedAfter, submitted.size(), after.get("fills").asInt(),
                    after.get("equity").asText(), reference.get("equity").asText());
        }
    }

    /** The bars the session took, as its input events record them. */
    private static List<Integer> bars(int dbPort, String session) throws Exception {
        return ints(dbPort, "select (convert_from(payload, 'UTF8')::jsonb ->> 'bar')::int from domain_event_entry"
                + " where aggregate_identifier = '" + session + "' and payload_type like '%SessionBarProcessedEvent'"
                + " order by sequence_number");
    }

    private static List<String> submitted(int dbPort, String session) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(dbPort); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select convert_from(payload, 'UTF8')::jsonb ->> 'clientOrderId' from domain_event_entry"
                        + " where aggregate_identifier = '" + session + "' and payload_type like '%SessionOrderEvent'"
                        + " and convert_from(payload, 'UTF8')::jsonb ->> 'kind' = 'submitted' order by sequence_number")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<Integer> ints(int dbPort, String sql) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Connection c = connect(dbPort); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static Connection connect(int dbPort) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres", "postgres", "postgres");
    }

    private static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
