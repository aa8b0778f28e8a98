package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The price processes a scenario can follow. Each family reads its own {@code params} object;
 * adding a family means a constant here, a params record, a {@link PriceProcess} and a branch in
 * the contract's schema (engine/SCENARIOS.md, "Adding a family").
 */
public enum Family {
    TREND("trend", TrendParams::read),
    MEAN_REVERT("mean_revert", MeanRevertParams::read),
    VOL_CLUSTER("vol_cluster", VolClusterParams::read),
    SHOCK_MIX("shock_mix", ShockMixParams::read),
    REGIME_SWITCH("regime_switch", RegimeSwitchParams::read);

    /** Reads one family's params, reporting problems to the reader; may return null when invalid. */
    @FunctionalInterface
    interface ParamsReader {
        FamilyParams read(SpecReader reader, JsonNode params, String pointer);
    }

    private final String dslName;
    private final ParamsReader reader;

    Family(String dslName, ParamsReader reader) {
        this.dslName = dslName;
        this.reader = reader;
    }

    public String dslName() {
        return dslName;
    }

    FamilyParams readParams(SpecReader specReader, JsonNode params, String pointer) {
        return reader.read(specReader, params, pointer);
    }

    static Family of(String dslName) {
        for (Family f : values()) {
            if (f.dslName.equals(dslName)) {
                return f;
            }
        }
        return null;
    }
}
