package io.heliox.atlas.web.http;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.query.Cursor;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parsing of path and query parameters into 400 problems that point at the parameter. */
final class Params {

    private Params() {
    }

    static RunId runId(String text) {
        return new RunId(uuid("/path/id", text));
    }

    static UUID uuid(String pointer, String text) {
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(); // UUID.fromString accepts non-canonical forms
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter(pointer, "not a UUID: " + abbreviate(text));
        }
    }

    static int limit(String text, int defaultValue, int max) {
        if (text == null) {
            return defaultValue;
        }
        long value = longValue("/query/limit", text);
        if (value < 1 || value > max) {
            throw ApiProblem.invalidParameter("/query/limit", "limit must be between 1 and " + max);
        }
        return (int) value;
    }

    static Cursor cursor(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Cursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter("/query/cursor", "cursor is not one this server issued");
        }
    }

    /**
     * Where an SSE stream resumes: after the {@code lastEventId} query parameter, else after the
     * {@code Last-Event-ID} header EventSource sends on reconnect, else after {@code otherwise}.
     */
    static long lastEventId(String param, String header, long otherwise) {
        if (param != null) {
            return nonNegative("/query/lastEventId", param);
        }
        if (header != null && !header.isBlank()) {
            return nonNegative("/header/Last-Event-ID", header);
        }
        return otherwise;
    }

    /** A whole number that must not be negative. */
    static long nonNegative(String pointer, String text) {
        long value = longValue(pointer, text);
        if (value < 0) {
            throw ApiProblem.invalidParameter(pointer, "must be >= 0");
        }
        return value;
    }

    static long longValue(String pointer, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter(pointer, "not an integer: " + abbreviate(text));
        }
    }

    static Instant instant(String pointer, String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(pointer, "not an RFC 3339 date-time: " + abbreviate(text));
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
