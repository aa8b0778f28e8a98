package io.heliox.atlas.engine.dsl;

/**
 * Where a problem is. {@code path} is an RFC 6901 JSON pointer into the StrategyDSL document
 * ({@code /rules/2/if}, {@code /params/fast}, {@code /sizing}); for a rule's condition,
 * {@code offset} and {@code length} select the characters of the {@code if} string at fault
 * (an offset equal to the string's length means "at its end"). {@code length == 0} with
 * {@code offset == 0} on a non-string path means the whole value at {@code path} (or the place
 * where a missing field belongs).
 */
public record Loc(String path, int offset, int length) {

    public static Loc at(String path) {
        return new Loc(path, 0, 0);
    }

    public static Loc in(String path, Span span) {
        return new Loc(path, span.offset(), span.length());
    }
}
