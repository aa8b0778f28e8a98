package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.api.artifact.Blueprint;
import io.heliox.atlas.api.artifact.Candidate;
import io.heliox.atlas.api.artifact.PackArtifact;
import io.heliox.atlas.api.artifact.T0Artifact;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed artifacts against the artifacts runs recorded before they existed (the fixtures of
 * {@link RecordedRunReplayTest}): reading a recorded t0 or pack artifact into its record and
 * writing it back gives the recorded bytes, so a node that builds its artifact from the records
 * stores what it stored before. A blueprint is the model's document (the local model sorts its
 * members and may write 20 for 20.0), so it must come back equal as JSON values, and
 * byte-identical where it was written in the contract's order (the mock architect).
 */
class RecordedArtifactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDED_AT = "replay/2fdd957/";
    /** JSON's equality of numbers: a model may write 20 where the record writes 20.0. */
    private static final Comparator<JsonNode> NUMERICALLY = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    @ParameterizedTest
    @ValueSource(strings = {"llm-completed", "mock-completed", "mock-failed-t0", "llm-cancelled"})
    void recordedArtifactsReadAndWriteBackToTheirBytes(String name) throws IOException {
        List<String> phases = new ArrayList<>();
        for (JsonNode row : JSON.readTree(resource(name + ".events.json"))) {
            JsonNode event = JSON.readTree(row.get("payload").asText());
            JsonNode payload = event.path("payload");
            if (row.get("payload_type").asText().endsWith("PhaseStatusReportedEvent")) {
                payload.at("/checkpoint/state/results").forEach(cell ->
                        assertThat(bytes(T0Artifact.Cell.of(cell).toJson())).isEqualTo(bytes(cell)));
                continue;
            }
            if (!row.get("payload_type").asText().endsWith("PhaseArtifactProducedEvent")) {
                continue;
            }
            String phase = event.get("phase").asText();
            phases.add(phase);
            switch (phase) {
                case "architect" -> {
                    JsonNode document = payload.get("blueprint");
                    JsonNode written = Blueprint.of(document).toJson();
                    assertThat(written.equals(NUMERICALLY, document)).as("%s equals %s", written, document).isTrue();
                    if (name.startsWith("mock")) {
                        assertThat(bytes(written)).isEqualTo(bytes(document));
                    }
                }
                case "synth" -> assertThat(bytes(Candidate.toJson(Candidate.listOf(payload.get("candidates")))))
                        .isEqualTo(bytes(payload.get("candidates")));
                case "t0" -> assertThat(bytes(T0Artifact.of(payload).toJson())).isEqualTo(bytes(payload));
                case "pack" -> assertThat(bytes(PackArtifact.of(payload).toJson())).isEqualTo(bytes(payload));
                default -> throw new AssertionError("unknown phase " + phase);
            }
        }
        assertThat(phases).isEqualTo(switch (name) {
            case "llm-completed", "mock-completed" -> List.of("architect", "synth", "t0", "pack");
            case "mock-failed-t0" -> List.of("architect", "synth");
            default -> phases; // cancelled wherever the cancel landed
        });
    }

    private static String bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RecordedArtifactsTest.class.getClassLoader().getResourceAsStream(RECORDED_AT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + RECORDED_AT + name);
            }
            return in.readAllBytes();
        }
    }
}
