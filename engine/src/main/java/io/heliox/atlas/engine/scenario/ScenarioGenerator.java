package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Generates a scenario's bars: same spec (hence same seed) → bit-identical bars on any JVM.
 *
 * <pre>{@code
 * ScenarioSpec spec = ScenarioSpec.parse(json);          // ScenarioSpecException lists problems
 * Bars bars = ScenarioGenerator.generate(spec);
 * DatasetManifest manifest = DatasetManifest.of(spec, bars, Instant.now());
 * }</pre>
 */
public final class ScenarioGenerator {

    /**
     * Names the generator's algorithm. Bump it whenever the bars of an existing spec change (the
     * golden test fails): cached datasets keyed by scenario_hash carry it in their manifest, and
     * one with another version must be regenerated, not served.
     */
    public static final String ENGINE_VERSION = "atlas-scenario/1";

    /** Bar 0 opens at 2024-01-01T00:00:00Z; bar i at this + i × timeframe. */
    public static final long EPOCH_MILLIS = 1_704_067_200_000L;

    private ScenarioGenerator() {
    }

    public static Bars generate(ScenarioSpec spec) {
        RandomStream[] streams = RandomStream.forSeed(spec.seed());
        PriceProcess process = spec.params().process();
        PricePath path = new PricePath(spec.durationBars(), process.startPrice());
        process.simulate(path, streams[0]);
        return CandleBuilder.build(path, EPOCH_MILLIS, spec.timeframe().millis(), spec.volumeModel(),
                streams[1], streams[2]);
    }

    /** Parses and generates in one call. */
    public static Bars generate(JsonNode document) {
        return generate(ScenarioSpec.parse(document));
    }
}
