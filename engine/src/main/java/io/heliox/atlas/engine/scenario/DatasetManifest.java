package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code scenarios/{id}/{scenario_hash}/manifest.json} says about a stored dataset. Every
 * field but generated_at follows from the spec and the engine version; {@code bars_sha256} lets a
 * reader check the dataset it loaded ({@link Bars#sha256()}) without trusting the file format.
 */
public record DatasetManifest(String scenarioId, String scenarioHash, String engineVer, int bars,
                              double minClose, double maxClose, long seed, String barsSha256, Instant generatedAt) {

    public DatasetManifest {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(scenarioHash, "scenarioHash");
        Objects.requireNonNull(engineVer, "engineVer");
        Objects.requireNonNull(barsSha256, "barsSha256");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** The manifest of bars generated from {@code spec}; {@code generatedAt} comes from the caller's clock. */
    public static DatasetManifest of(ScenarioSpec spec, Bars bars, Instant generatedAt) {
        return new DatasetManifest(spec.id(), spec.scenarioHash(), ScenarioGenerator.ENGINE_VERSION, bars.size(),
                bars.minClose(), bars.maxClose(), spec.seed(), bars.sha256(), generatedAt);
    }

    /**
     * Canonical JSON (sorted keys, no whitespace, canonical numbers):
     * {@code {"bars":…,"bars_sha256":…,"engine_ver":…,"generated_at":"2025-…Z","max_close":…,
     * "min_close":…,"scenario_hash":…,"scenario_id":…,"seed":…}}.
     */
    public String toJson() {
        return CanonicalJson.write(toTree());
    }

    public ObjectNode toTree() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("scenario_id", scenarioId);
        json.put("scenario_hash", scenarioHash);
        json.put("engine_ver", engineVer);
        json.put("bars", bars);
        json.put("min_close", minClose);
        json.put("max_close", maxClose);
        json.put("seed", seed);
        json.put("bars_sha256", barsSha256);
        json.put("generated_at", generatedAt.toString());
        return json;
    }

    /** Reads a manifest written by {@link #toJson()}. */
    public static DatasetManifest fromJson(JsonNode json) {
        return new DatasetManifest(json.required("scenario_id").asText(), json.required("scenario_hash").asText(),
                json.required("engine_ver").asText(), json.required("bars").asInt(),
                json.required("min_close").asDouble(), json.required("max_close").asDouble(),
                json.required("seed").asLong(), json.required("bars_sha256").asText(),
                Instant.parse(json.required("generated_at").asText()));
    }
}
