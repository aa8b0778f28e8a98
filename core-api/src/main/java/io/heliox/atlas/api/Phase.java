package io.heliox.atlas.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The phases of a run, in the order they execute. */
public enum Phase {
    ARCHITECT, SYNTH, T0, PACK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Phase fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
