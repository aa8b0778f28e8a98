package io.heliox.atlas.engine.scenario;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetManifestTest {

    @Test
    void manifestIsCanonicalJsonAndReadsBack() {
        ScenarioSpec spec = ScenarioDocs.spec("shocky");
        Bars bars = ScenarioGenerator.generate(spec);
        Instant at = Instant.parse("2025-06-01T12:00:00Z");
        DatasetManifest manifest = DatasetManifest.of(spec, bars, at);

        String json = manifest.toJson();
        assertThat(json).startsWith("{\"bars\":5000,\"bars_sha256\":\"" + bars.sha256() + "\",\"engine_ver\":\""
                + ScenarioGenerator.ENGINE_VERSION + "\",\"generated_at\":\"2025-06-01T12:00:00Z\",\"max_close\":");
        assertThat(json).contains("\"scenario_hash\":\"" + spec.scenarioHash() + "\"", "\"scenario_id\":\"shocky\"")
                .endsWith(",\"seed\":99}");
        assertThat(manifest.minClose()).isLessThanOrEqualTo(manifest.maxClose()).isPositive();

        DatasetManifest back = DatasetManifest.fromJson(ScenarioDocs.parse(json));
        assertThat(back).isEqualTo(manifest);
        assertThat(back.toJson()).isEqualTo(json);
    }

    @Test
    void onlyGeneratedAtDependsOnTheClock() {
        ScenarioSpec spec = ScenarioDocs.spec("trend-up-mid");
        DatasetManifest a = DatasetManifest.of(spec, ScenarioGenerator.generate(spec), Instant.EPOCH);
        DatasetManifest b = DatasetManifest.of(spec, ScenarioGenerator.generate(spec), Instant.EPOCH);
        assertThat(a.toJson()).isEqualTo(b.toJson());
    }
}
