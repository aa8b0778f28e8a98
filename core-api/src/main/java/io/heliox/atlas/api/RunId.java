package io.heliox.atlas.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a Run aggregate: a UUID, written as its canonical string on the wire and in the event store. */
public record RunId(UUID value) {

    public RunId {
        Objects.requireNonNull(value, "run id");
    }

    public static RunId random() {
        return new RunId(UUID.randomUUID());
    }

    /** Parses a run id, failing with {@link IllegalArgumentException} on anything that is not a UUID. */
    @JsonCreator
    public static RunId of(String text) {
        return new RunId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        // Axon uses toString() of the @TargetAggregateIdentifier as the aggregate identifier.
        return value.toString();
    }
}
