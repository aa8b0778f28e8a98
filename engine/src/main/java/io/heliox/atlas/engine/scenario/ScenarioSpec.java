package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.heliox.atlas.kernel.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A ScenarioDSL v0.1 document, read and checked (contracts/schemas/scenario-dsl.schema.json plus
 * the rules only the engine checks). Build it with {@link #parse(JsonNode)} or {@link #parse(String)}:
 * the canonical JSON it carries is the document's, and the scenario hash is its SHA-256.
 *
 * @param canonicalJson the document in canonical JSON (RFC 8785, {@link CanonicalJson})
 */
public record ScenarioSpec(String id, String version, Timeframe timeframe, int durationBars, long seed,
                           FamilyParams params, VolumeModel volumeModel, String canonicalJson) {

    public static final String VERSION = "0.1";
    public static final int MIN_BARS = 100;
    public static final int MAX_BARS = 2_000_000;
    /** 2^53 − 1: the largest integer every JSON reader (JavaScript too) reads exactly. */
    public static final long MAX_SEED = (1L << 53) - 1;

    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    private static final Set<String> FIELDS =
            Set.of("id", "version", "timeframe", "duration_bars", "seed", "family", "params", "volume_model");
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    public ScenarioSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(volumeModel, "volumeModel");
        Objects.requireNonNull(canonicalJson, "canonicalJson");
    }

    public Family family() {
        return params.family();
    }

    /** scenario_hash: lower-case hex SHA-256 of the canonical JSON of the document. */
    public String scenarioHash() {
        return CanonicalJson.sha256(canonicalJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses JSON text strictly (duplicate keys, trailing data and comments are errors), then checks it. */
    public static ScenarioSpec parse(String json) {
        JsonNode document;
        try {
            document = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw ScenarioSpecException.of("", "not JSON: " + e.getOriginalMessage());
        }
        if (document == null || document.isMissingNode()) {
            throw ScenarioSpecException.of("", "the document is empty");
        }
        return parse(document);
    }

    /** Checks a ScenarioDSL document; throws {@link ScenarioSpecException} listing every problem. */
    public static ScenarioSpec parse(JsonNode document) {
        SpecReader reader = new SpecReader();
        if (!reader.isObject(document, "")) {
            throw new ScenarioSpecException(reader.problems());
        }
        reader.onlyFields(document, "", FIELDS);

        String id = reader.text(document, "", "id");
        if (id != null && !ID.matcher(id).matches()) {
            reader.problem("/id", "must be lower-case letters, digits, '-' or '_' (at most 64), starting with a letter or digit");
        }
        String version = reader.text(document, "", "version");
        if (version != null && !VERSION.equals(version)) {
            reader.problem("/version", "must be \"" + VERSION + "\"");
        }
        Timeframe timeframe = named(reader, document, "timeframe", Timeframe::of, "1m, 5m, 15m, 1h, 4h, 1d");
        Long bars = reader.integer(document, "", "duration_bars", MIN_BARS, MAX_BARS);
        Long seed = reader.integer(document, "", "seed", 0, MAX_SEED);
        Family family = named(reader, document, "family", Family::of,
                "trend, mean_revert, vol_cluster, shock_mix, regime_switch");
        VolumeModel volumeModel = named(reader, document, "volume_model", VolumeModel::of, "const, lognormal");
        JsonNode paramsNode = reader.required(document, "", "params");
        FamilyParams params = null;
        if (paramsNode != null && reader.isObject(paramsNode, "/params") && family != null) {
            params = family.readParams(reader, paramsNode, "/params");
        }
        if (reader.hasProblems()) {
            throw new ScenarioSpecException(reader.problems());
        }
        return new ScenarioSpec(id, version, timeframe, bars.intValue(), seed, params, volumeModel,
                CanonicalJson.write(document));
    }

    private static <T> T named(SpecReader reader, JsonNode document, String field,
                               java.util.function.Function<String, T> lookup, String allowed) {
        String name = reader.text(document, "", field);
        if (name == null) {
            return null;
        }
        T value = lookup.apply(name);
        if (value == null) {
            reader.problem("/" + field, "must be one of " + allowed + ", was \"" + name + "\"");
        }
        return value;
    }
}
