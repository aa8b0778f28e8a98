package io.heliox.atlas.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The phases of a run, in the order they execute. */
public enum Phase {
    ARCHITECT, SYNTH, T0, PACK;

    /**
     * The phase that follows this one; pack is the last, and a run that finishes it ends rather than
     * moving on, so asking for pack's successor is a bug.
     */
    public Phase next() {
        if (this == PACK) {
            throw new IllegalStateException("pack is the last phase of a run");
        }
        return values()[ordinal() + 1];
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Phase fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
