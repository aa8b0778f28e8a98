package io.heliox.atlas.engine.dsl;

import java.util.Arrays;
import java.util.Optional;

/** The bar fields a condition may read, always at the current bar or earlier (through lag). */
public enum PriceSeries {
    OPEN, HIGH, LOW, CLOSE, VOLUME;

    public String dslName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<PriceSeries> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.dslName().equals(name)).findFirst();
    }
}
