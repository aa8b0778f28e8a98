package io.heliox.atlas.api.usage;

import java.util.Optional;

/**
 * What a workspace may use. Three are per UTC day (runs, model tokens), one is a gauge (runs in
 * flight), one bounds a single request (the bars of one generated scenario), two are totals of
 * what the workspace keeps (scenario bars and bytes in object storage).
 */
public enum Quota {
    RUNS_PER_DAY("runsPerDay", "runs started in a UTC day"),
    CONCURRENT_RUNS("concurrentRuns", "runs in flight at once"),
    MODEL_TOKENS_PER_DAY("modelTokensPerDay", "model tokens (prompt and answer) in a UTC day, runs and /api/v1/orch together"),
    SCENARIO_BARS_PER_REQUEST("scenarioBarsPerRequest", "bars of one generated scenario"),
    SCENARIO_BARS_STORED("scenarioBarsStored", "bars of the scenario datasets the workspace keeps"),
    STORAGE_BYTES("storageBytes", "bytes the workspace keeps in object storage (scenario datasets, packages)");

    private final String wireName;
    private final String description;

    Quota(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /** The name on the wire, in problem+json bodies and in the quota request. */
    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    public static Optional<Quota> fromWire(String text) {
        for (Quota quota : values()) {
            if (quota.wireName.equals(text)) {
                return Optional.of(quota);
            }
        }
        return Optional.empty();
    }
}
