package io.heliox.atlas.api.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class T0ArtifactTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ENGINE_CELL = """
            {"candidateId":"a","scenarioId":"trend-up","signature":"sig","periodsPerYear":8760.0,\
            "metrics":{"sharpe":1.5,"max_drawdown":0.1},"monteCarlo":{"paths":200},\
            "detailUrl":"/v1/runs/r/results/a/trend-up","fromCache":true}""";
    private static final String MOCK_CELL = """
            {"candidateId":"b","scenarioId":"trend_up_mid","periodsPerYear":252,"equity":[{"t":0,"v":10000.0}],\
            "trades":[],"metrics":{"sharpe":-0.5,"sortino":null,"max_drawdown":0.3}}""";

    @Test
    void aCellKeepsTheNumberTypeItsProducerWrote() throws Exception {
        for (String cell : List.of(ENGINE_CELL, MOCK_CELL)) {
            assertThat(JSON.writeValueAsString(T0Artifact.Cell.of(JSON.readTree(cell)).toJson())).isEqualTo(cell);
        }
        assertThat(T0Artifact.Cell.of(JSON.readTree(MOCK_CELL)).periodsPerYearJson().isInt()).isTrue();
        assertThat(T0Artifact.Cell.of(JSON.readTree(ENGINE_CELL)).periodsPerYearJson().isDouble()).isTrue();
    }

    @Test
    void theStoredDocumentLeavesOutWhatBelongsToTheRun() throws Exception {
        T0Artifact.Cell engine = T0Artifact.Cell.of(JSON.readTree(ENGINE_CELL));
        T0Artifact.Cell mock = T0Artifact.Cell.of(JSON.readTree(MOCK_CELL));
        T0Artifact artifact = new T0Artifact(
                List.of(new T0Artifact.Scenario("trend-up", "trend", null, 1000, null, null)), null,
                List.of(engine, mock),
                List.of(new T0Artifact.Ranked(1, "a", 1.5, 1.5, 0.1, "trend-up"),
                        new T0Artifact.Ranked(2, "b", -0.5, -0.5, 0.3, "trend_up_mid")),
                new T0Artifact.Scoring("f", 5.0, 0.2), new StoredObject("runs/r/t0.json", "00", 3));

        JsonNode document = artifact.document().toJson();

        assertThat(document.has("stored")).isFalse();
        assertThat(document.at("/results/0").has("fromCache")).isFalse();
        assertThat(document.at("/results/0").has("detailUrl")).isFalse();
        assertThat(document.at("/results/1/equity").isArray()).as("the mock's inline curve is its data").isTrue();
        assertThat(engine.summary().toJson().has("fromCache")).isFalse();
        assertThat(mock.summary().toJson().has("equity")).isFalse();
        assertThat(artifact.best()).isEqualTo("a");
        assertThat(artifact.rankOf("b")).map(T0Artifact.Ranked::rank).contains(2);
        assertThat(artifact.result("a", "trend-up")).contains(engine);
        assertThat(artifact.result("a", "elsewhere")).isEmpty();
        assertThat(T0Artifact.of(artifact.toJson())).isEqualTo(artifact);
    }
}
