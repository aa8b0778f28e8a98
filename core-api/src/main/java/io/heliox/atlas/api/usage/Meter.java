package io.heliox.atlas.api.usage;

import java.util.Optional;

/** What usage is metered as, for quotas and for invoice lines: each line is a quantity of one meter. */
public enum Meter {
    RUNS("runs", "run"),
    MODEL_TOKENS("modelTokens", "token"),
    BACKTEST_BARS("backtestBars", "bar"),
    SCENARIO_BARS("scenarioBars", "bar"),
    STORAGE_BYTES("storageBytes", "byte");

    private final String wireName;
    private final String unit;

    Meter(String wireName, String unit) {
        this.wireName = wireName;
        this.unit = unit;
    }

    public String wireName() {
        return wireName;
    }

    /** The unit a quantity of this meter counts. */
    public String unit() {
        return unit;
    }

    public static Optional<Meter> fromWire(String text) {
        for (Meter meter : values()) {
            if (meter.wireName.equals(text)) {
                return Optional.of(meter);
            }
        }
        return Optional.empty();
    }
}
