package io.heliox.atlas.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The kind of an orchestrator event: progress, a result, or the failure that ends the run. */
public enum PhaseEventType {
    STATUS, ARTIFACT, ERROR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PhaseEventType fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
