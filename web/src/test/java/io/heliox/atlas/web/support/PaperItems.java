package io.heliox.atlas.web.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Portfolio items to deploy to paper sessions: a run's best strategy, saved with its signed package. */
public final class PaperItems {

    private PaperItems() {
    }

    /** Runs "Create MA crossover strategy" with {@code seed} and saves its best candidate: the item's id. */
    public static String packaged(Api api, long seed) {
        Api.Response started = api.postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\",\"seed\":" + seed + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String runId = started.json().get("runId").asText();
        List<SseRead.Event> events = api.events(runId).events();
        String best = artifact(events, "t0").at("/ranking/0/candidateId").asText();
        JsonNode strategy = StreamSupport.stream(artifact(events, "synth").get("candidates").spliterator(), false)
                .filter(c -> c.get("id").asText().equals(best)).findFirst().orElseThrow();
        ObjectNode save = Api.JSON.createObjectNode().put("name", "paper " + best).put("runId", runId);
        save.set("strategy", strategy);
        Api.Response saved = api.postJson("/v1/portfolio", save.toString());
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("package").isNull()).as("the item has its signed package").isFalse();
        return saved.json().get("id").asText();
    }

    /** The payload of the run's artifact of {@code phase}. */
    public static JsonNode artifact(List<SseRead.Event> events, String phase) {
        return events.stream().filter(e -> e.type().equals("artifact") && e.json().get("phase").asText().equals(phase))
                .findFirst().orElseThrow(() -> new AssertionError("no " + phase + " artifact")).json().get("payload");
    }
}
