package io.heliox.atlas.engine.dsl;

/** A run of characters in one condition string: [offset, offset + length). */
public record Span(int offset, int length) {

    public int end() {
        return offset + length;
    }

    /** The smallest span covering both. */
    public Span to(Span other) {
        int start = Math.min(offset, other.offset);
        return new Span(start, Math.max(end(), other.end()) - start);
    }
}
