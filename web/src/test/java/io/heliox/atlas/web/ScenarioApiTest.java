package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.command.storage.BarsParquet;
import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import io.heliox.atlas.web.scenario.ScenarioFixtures;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario datasets through HTTP, object storage (S3 protocol) and Parquet; every response checked against openapi.yaml. */
class ScenarioApiTest extends AtlasIntegrationTest {

    private static final String TREND = """
            {"id":"api-trend","version":"0.1","timeframe":"1h","duration_bars":2000,"seed":42,
             "family":"trend","params":{"drift":2,"sigma":80},"volume_model":"lognormal"}""";
    private static final String TREND_REORDERED = """
            {"volume_model":"lognormal","params":{"sigma":80,"drift":2},"family":"trend","seed":42,
             "duration_bars":2000,"timeframe":"1h","version":"0.1","id":"api-trend"}""";

    @Autowired
    private ObjectStore store;
    @Autowired
    private ScenarioFixtures fixtures;

    @Test
    void aDatasetIsGeneratedOnceAndReusedByContentHash() {
        Api.Response first = api.postJson("/api/v1/scenarios", TREND);
        assertThat(first.status()).isIn(200, 201);
        JsonNode manifest = first.json();
        assertThat(manifest.get("bars").asInt()).isEqualTo(2000);
        assertThat(manifest.get("min_close").asDouble()).isPositive();

        String prefix = "scenarios/api-trend/" + manifest.get("scenario_hash").asText() + "/";
        assertThat(store.list(prefix)).containsExactly(prefix + "dataset.parquet", prefix + "manifest.json");
        byte[] storedManifest = store.get(prefix + "manifest.json").orElseThrow();

        Api.Response again = api.postJson("/api/v1/scenarios", TREND_REORDERED);
        assertThat(again.status()).as("same content, other key order: reused").isEqualTo(200);
        assertThat(store.list(prefix)).as("a cache hit writes no new object").hasSize(2);
        assertThat(store.get(prefix + "manifest.json").orElseThrow()).as("nor rewrites one").isEqualTo(storedManifest);
        assertThat(again.json()).isEqualTo(manifest);
        assertThat(again.json().get("scenario_hash")).isEqualTo(manifest.get("scenario_hash"));
        assertThat(again.json().get("bars_sha256")).isEqualTo(manifest.get("bars_sha256"));

        Api.Response other = api.postJson("/api/v1/scenarios", TREND.replace("\"seed\":42", "\"seed\":43"));
        assertThat(other.json().get("scenario_hash")).isNotEqualTo(manifest.get("scenario_hash"));
        assertThat(other.json().get("bars_sha256")).isNotEqualTo(manifest.get("bars_sha256"));
    }

    @Test
    void theStoredParquetHoldsExactlyTheManifestsBars() {
        JsonNode manifest = api.postJson("/api/v1/scenarios", TREND).json();
        String prefix = "scenarios/api-trend/" + manifest.get("scenario_hash").asText() + "/";
        byte[] parquet = store.get(prefix + "dataset.parquet").orElseThrow();
        Bars bars = BarsParquet.read(parquet);
        assertThat(bars.size()).isEqualTo(2000);
        assertThat(bars.sha256()).isEqualTo(manifest.get("bars_sha256").asText());
        assertThat(store.exists(prefix + "manifest.json")).isTrue();
    }

    @Test
    void barsArePagedAsColumnsForCharts() {
        api.postJson("/api/v1/scenarios", TREND);
        JsonNode page = api.get("/api/v1/scenarios/api-trend/bars?from=100&limit=250").json();
        assertThat(page.get("from").asInt()).isEqualTo(100);
        assertThat(page.get("total").asInt()).isEqualTo(2000);
        assertThat(page.get("close")).hasSize(250);
        for (int i = 0; i < 250; i++) {
            double open = page.get("open").get(i).asDouble();
            double close = page.get("close").get(i).asDouble();
            assertThat(page.get("low").get(i).asDouble()).isLessThanOrEqualTo(Math.min(open, close)).isPositive();
            assertThat(page.get("high").get(i).asDouble()).isGreaterThanOrEqualTo(Math.max(open, close));
        }
        assertThat(api.get("/api/v1/scenarios/api-trend/bars?from=5000").json().get("close")).isEmpty();
        assertThat(api.get("/api/v1/scenarios/api-trend").json().get("scenario_id").asText()).isEqualTo("api-trend");
    }

    @Test
    void badSpecsAndUnknownScenariosAreClientErrors() {
        Api.Response schema = api.postJson("/api/v1/scenarios", TREND.replace("\"duration_bars\":2000", "\"duration_bars\":10"));
        assertThat(schema.status()).isEqualTo(400);
        assertThat(schema.json().get("errors").findValuesAsText("pointer")).contains("/duration_bars");
        assertThat(api.get("/api/v1/scenarios/no-such-scenario").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/scenarios/Bad%20Id").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/scenarios/api-trend/bars?limit=0").status()).isEqualTo(400);
    }

    @Test
    void everyFixtureHasAStoredDatasetAfterGenScenarios() {
        // what `make gen-scenarios` runs; the roadmap's CI rule: no fixture without its dataset
        fixtures.storeAll();
        assertThat(ScenarioFixtures.specs()).hasSizeGreaterThanOrEqualTo(6);
        for (ScenarioSpec spec : ScenarioFixtures.specs()) {
            assertThat(store.exists("scenarios/" + spec.id() + "/" + spec.scenarioHash() + "/dataset.parquet"))
                    .as(spec.id()).isTrue();
            assertThat(store.exists("scenarios/" + spec.id() + "/" + spec.scenarioHash() + "/manifest.json"))
                    .as(spec.id()).isTrue();
        }
    }
}
