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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * A new run of a recorded request produces the recorded payloads: the same blueprint, candidates,
     * backtest metrics, ranking and manifest, once what depends on the clock, the run's id, the
     * signing key and the shared result cache is masked ({@link #VOLATILE}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"llm-completed", "mock-completed", "mock-failed-t0"})
    void aNewRunOfARecordedRequestProducesTheRecordedPayloads(String name) throws IOException {
        String runId = startRun(RUNS.get(name));
        SseRead fresh = api.events(runId);
        SseRead recorded = SseRead.parse(new String(resource(name + ".sse.txt"), StandardCharsets.UTF_8));
        String recordedRunId = recorded.events().get(0).json().get("runId").asText();
        assertThat(fresh.events()).hasSameSizeAs(recorded.events());
        for (int i = 0; i < recorded.events().size(); i++) {
            JsonNode want = masked(recorded.events().get(i).json(), recordedRunId);
            JsonNode got = masked(fresh.events().get(i).json(), runId);
            List<String> differences = new ArrayList<>();
            differences(want, got, "", differences);
            assertThat(differences).as("event %d of %s", i + 1, name).isEmpty();
        }
    }

    /**
     * Members whose values depend on when a run ran, not on its request and seed, and whether a backtest
     * came from the result cache that runs share (so the count "N from cache" in t0's messages too).
     * Besides these, the package's signature depends on this machine's key, and so do the package
     * file's size and hash.
     */
    private static final Set<String> VOLATILE = Set.of("ts", "timeMsUsed", "latency_ms", "createdAt", "fromCache");

    private static JsonNode masked(JsonNode node, String runId) throws IOException {
        JsonNode copy = Api.JSON.readTree(node.toString().replace(runId, "<run>")
                .replaceAll("\\d+ from cache", "N from cache"));
        mask(copy);
        if (copy.at("/payload/manifest/signature").isObject()) {
            ((ObjectNode) copy.at("/payload/manifest")).put("signature", "<this machine's key>");
            ((ObjectNode) copy.get("payload")).put("stored", "<signed with this machine's key>");
        }
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                if (VOLATILE.contains(field)) {
                    object.put(field, "<masked>");
                } else {
                    mask(object.get(field));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(RecordedRunReplayTest::mask);
        }
    }

    private static void differences(JsonNode want, JsonNode got, String path, List<String> out) {
        if (want.isObject() && got.isObject()) {
            Set<String> names = new TreeSet<>();
            want.fieldNames().forEachRemaining(names::add);
            got.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                differences(want.path(field), got.path(field), path + "/" + field, out);
            }
        } else if (want.isArray() && got.isArray() && want.size() == got.size()) {
            for (int i = 0; i < want.size(); i++) {
                differences(want.get(i), got.get(i), path + "/" + i, out);
            }
        } else if (!want.equals(got)) {
            String w = want.toString();
            String g = got.toString();
            out.add(path + ": recorded " + w.substring(0, Math.min(w.length(), 200)) + ", now " + g.substring(0, Math.min(g.length(), 200)));
        }
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
