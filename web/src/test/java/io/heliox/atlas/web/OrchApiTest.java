package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architect and synth nodes over HTTP (POST /api/v1/orch/architect|synth) and inside a run
 * (mode llm, the default): real blueprints and DSL-validated candidates from the local model,
 * answers checked against openapi.yaml by {@link Api}.
 */
class OrchApiTest extends AtlasIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private io.heliox.atlas.command.storage.ObjectStore store;

    @Test
    void architectThenSynthGiveAValidBlueprintAndDistinctCandidates() {
        Api.Response architect = api.postJson("/api/v1/orch/architect", "{\"prompt\":\"Create MA crossover strategy on gold, 4h\",\"seed\":42}");
        assertThat(architect.status()).as("%s", architect).isEqualTo(200);
        JsonNode blueprint = architect.json().get("blueprint");
        assertThat(blueprint.get("universe").toString()).contains("XAUUSD");
        assertThat(blueprint.get("timeframe").asText()).isEqualTo("4h");
        assertThat(architect.json().at("/llm/template").asText()).startsWith("architect@1#");
        assertThat(architect.json().at("/llm/usage/total").asInt()).isPositive();

        Api.Response synth = api.postJson("/api/v1/orch/synth", "{\"blueprint\":" + blueprint + ",\"seed\":42}");
        assertThat(synth.status()).as("%s", synth).isEqualTo(200);
        assertThat(synth.json().get("candidates").size()).isBetween(3, 5);
        assertThat(synth.json().at("/candidates/0/rules/0/if").asText()).contains("crossover(ma(close");
        Api.Response again = api.postJson("/api/v1/orch/synth", "{\"blueprint\":" + blueprint + ",\"seed\":42}");
        assertThat(again.json().get("candidates")).as("same seed, same candidates").isEqualTo(synth.json().get("candidates"));
    }

    @Test
    void badRequestsAre400sWithPointers() {
        Api.Response empty = api.postJson("/api/v1/orch/architect", "{\"prompt\":\"\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("/prompt");
        Api.Response noUniverse = api.postJson("/api/v1/orch/synth",
                "{\"blueprint\":{\"timeframe\":\"1h\",\"features\":[\"SMA\"],\"constraints\":{\"risk_bp\":50}}}");
        assertThat(noUniverse.status()).isEqualTo(400);
        assertThat(noUniverse.body()).contains("/blueprint");
    }

    @Test
    void aRunInLlmModeCarriesTheRealArtifactsAndTheirTraces() throws Exception {
        String runId = startRun("{\"prompt\":\"RSI mean reversion on BTCUSDT 1h, short selling allowed\",\"seed\":5}");
        SseRead stream = api.events(runId);
        int candidates = stream.events().get(5).json().at("/payload/candidates").size();
        List<String> expected = new java.util.ArrayList<>(List.of("architect.status architect.parse_req",
                "architect.status architect.llm_call", "architect.artifact ", "synth.status synth.prepare_blueprint",
                "synth.status synth.llm_iter", "synth.artifact "));
        for (int n = 0; n < candidates; n++) {
            expected.add("t0.status t0.candidate");
        }
        expected.addAll(List.of("t0.artifact ", "pack.artifact "));
        assertThat(stream.events()).extracting(e -> e.json().get("phase").asText() + "." + e.type() + " "
                        + e.json().at("/payload/checkpoint/step").asText())
                .containsExactlyElementsOf(expected);
        JsonNode call = stream.events().get(1).json().get("payload");
        assertThat(call.at("/llm/model").asText()).isEqualTo("atlas-local-1");
        assertThat(call.at("/llm/template").asText()).startsWith("architect@1#");
        assertThat(call.at("/checkpoint/state/reply").asText()).contains("\"universe\"");
        JsonNode architect = stream.events().get(2).json().get("payload");
        assertThat(architect.at("/blueprint/direction").asText()).isEqualTo("both");
        byte[] stored = store.get(architect.at("/stored/key").asText()).orElseThrow();
        assertThat(Api.JSON.readTree(stored)).as("the blueprint in object storage").isEqualTo(architect.get("blueprint"));
        assertThat(io.heliox.atlas.kernel.CanonicalJson.sha256(stored)).isEqualTo(architect.at("/stored/sha256").asText());
        JsonNode iteration = stream.events().get(4).json().get("payload");
        assertThat(iteration.get("msg").asText()).startsWith("iteration 1:");
        assertThat(iteration.at("/llm/template").asText()).startsWith("synth@1#");
        JsonNode synth = stream.events().get(5).json().get("payload");
        assertThat(synth.get("candidates").size()).isBetween(3, 5);
        assertThat(synth.get("candidates").toString()).contains("rsi(close").contains("\"then\":\"sell\"");
        await(java.time.Duration.ofSeconds(20), "the run_checkpoints view", () -> 4 + candidates == jdbc.queryForObject(
                "select count(*) from run_checkpoints where run_id = ?::uuid", Long.class, runId));
        List<String> steps = new java.util.ArrayList<>(List.of("architect.parse_req#1", "architect.llm_call#1",
                "synth.prepare_blueprint#1", "synth.llm_iter#1"));
        for (int n = 1; n <= candidates; n++) {
            steps.add("t0.candidate#" + n);
        }
        assertThat(jdbc.queryForList("select step || '#' || n from run_checkpoints where run_id = ?::uuid order by seq",
                String.class, runId)).containsExactlyElementsOf(steps);
    }
}
