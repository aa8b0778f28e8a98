package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs recorded by an earlier build replay byte for byte. Each fixture under
 * {@code src/test/resources/replay/} holds a run's rows of {@code domain_event_entry} exactly as
 * that build stored them, the SSE stream it served for the run and its {@code GET /v1/runs/{id}}
 * answer. The test writes the rows into this build's event store and asks for the stream and the
 * summary again: a change to an event's class, its JSON shape, the SSE framing or the run's fold
 * shows up here as a diff, before it reaches a store full of real runs.
 *
 * <p>To record a new fixture set (only when the stored format is meant to change, with a migration
 * or an upcaster beside it), run this class with {@code -Datlas.replay.record=<dir>}.
 */
class RecordedRunReplayTest extends AtlasIntegrationTest {

    /** The build the fixtures were recorded with, before the layout of issue 15 changed any class. */
    private static final String RECORDED_AT = "replay/2fdd957/";

    /** What each fixture is: the request that started it, and whether it was cancelled midway. */
    private static final Map<String, String> RUNS = Map.of(
            "llm-completed", "{\"prompt\":\"Create MA crossover strategy on XAUUSD, 1h\",\"seed\":42}",
            "mock-completed", "{\"prompt\":\"Create MA crossover strategy\",\"seed\":7,\"options\":{\"mode\":\"mock\"}}",
            "mock-failed-t0", "{\"prompt\":\"Create MA crossover strategy\",\"seed\":9,"
                    + "\"options\":{\"mode\":\"mock\",\"failAt\":\"t0\"}}",
            "llm-cancelled", "{\"prompt\":\"Create RSI mean reversion strategy on EURUSD, 15m\",\"seed\":11,"
                    + "\"options\":{\"mockStepDelayMs\":400}}");

    @ParameterizedTest
    @ValueSource(strings = {"llm-completed", "mock-completed", "mock-failed-t0", "llm-cancelled"})
    void aRunRecordedByAnEarlierBuildReplaysByteForByte(String name) throws IOException {
        ArrayNode rows = (ArrayNode) Api.JSON.readTree(resource(name + ".events.json"));
        String runId = rows.get(0).get("aggregate_identifier").asText();
        for (JsonNode row : rows) {
            jdbc.update("insert into domain_event_entry (global_index, event_identifier, meta_data, payload,"
                            + " payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
                            + " values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " on conflict do nothing",
                    row.get("event_identifier").asText(), bytes(row.get("meta_data")), bytes(row.get("payload")),
                    row.get("payload_revision").isNull() ? null : row.get("payload_revision").asText(),
                    row.get("payload_type").asText(), row.get("time_stamp").asText(), runId,
                    row.get("sequence_number").asLong(), row.get("type").asText());
        }

        assertThat(withoutComments(rawStream(runId))).isEqualTo(new String(resource(name + ".sse.txt"), StandardCharsets.UTF_8));
        assertThat(api.get("/v1/runs/" + runId).body())
                .isEqualTo(new String(resource(name + ".run.json"), StandardCharsets.UTF_8));
        // a resumed stream is the recorded one from the given seq on
        String tail = withoutComments(rawStreamAfter(runId, 2));
        String full = new String(resource(name + ".sse.txt"), StandardCharsets.UTF_8);
        assertThat(full).endsWith(tail);
        assertThat(tail).startsWith("id:3\n");
    }

    /** Records the fixtures with the build under test; runs only when {@code atlas.replay.record} names a folder. */
    @Test
    @EnabledIfSystemProperty(named = "atlas.replay.record", matches = ".+")
    void record() throws IOException {
        Path dir = Path.of(System.getProperty("atlas.replay.record"));
        Files.createDirectories(dir);
        for (Map.Entry<String, String> run : RUNS.entrySet()) {
            String runId = startRun(run.getValue());
            if (run.getKey().endsWith("cancelled")) {
                await(Duration.ofSeconds(30), "two events", () -> api.get("/v1/runs/" + runId).json().get("lastSeq").asLong() >= 2);
                assertThat(api.post("/v1/runs/" + runId + "/cancel", "").status()).isEqualTo(202);
            }
            String sse = withoutComments(rawStream(runId));
            ArrayNode rows = Api.JSON.createArrayNode();
            jdbc.query("select * from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                    rs -> {
                        ObjectNode row = rows.addObject();
                        row.put("event_identifier", rs.getString("event_identifier"));
                        row.put("meta_data", new String(rs.getBytes("meta_data"), StandardCharsets.UTF_8));
                        row.put("payload", new String(rs.getBytes("payload"), StandardCharsets.UTF_8));
                        row.put("payload_revision", rs.getString("payload_revision"));
                        row.put("payload_type", rs.getString("payload_type"));
                        row.put("time_stamp", rs.getString("time_stamp"));
                        row.put("aggregate_identifier", rs.getString("aggregate_identifier"));
                        row.put("sequence_number", rs.getLong("sequence_number"));
                        row.put("type", rs.getString("type"));
                    }, runId);
            Files.writeString(dir.resolve(run.getKey() + ".events.json"),
                    Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            Files.writeString(dir.resolve(run.getKey() + ".sse.txt"), sse);
            Files.writeString(dir.resolve(run.getKey() + ".run.json"), api.get("/v1/runs/" + runId).body());
        }
    }

    private String rawStream(String runId) {
        return api.events(runId).raw();
    }

    private String rawStreamAfter(String runId, long seq) {
        return api.events(runId, "?", "lastEventId=" + seq).raw();
    }

    /** The stream without its heartbeat comments, which depend on timing, not on the run. */
    private static String withoutComments(String raw) {
        return Arrays.stream(raw.split("\n\n", -1))
                .filter(block -> block.isEmpty() || !Arrays.stream(block.split("\n")).allMatch(line -> line.startsWith(":")))
                .collect(Collectors.joining("\n\n"));
    }

    private static byte[] bytes(JsonNode text) {
        return text.isNull() ? null : text.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RecordedRunReplayTest.class.getClassLoader().getResourceAsStream(RECORDED_AT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + RECORDED_AT + name);
            }
            return in.readAllBytes();
        }
    }
}
