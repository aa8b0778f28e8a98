package io.heliox.atlas.engine.dsl.syntax;

import io.heliox.atlas.engine.dsl.Span;
import io.heliox.atlas.engine.dsl.SubCode;

/**
 * The first syntax error in a condition. An exception because recursive descent has no sensible
 * way to go on after it; the validator turns it into a {@code DSL_PARSE_ERROR}.
 */
public final class ParseFailure extends RuntimeException {

    private final SubCode subCode;
    private final Span span;
    private final String hint;

    public ParseFailure(SubCode subCode, Span span, String message, String hint) {
        super(message, null, false, false); // no stack trace: this is an expected outcome, not a bug
        this.subCode = subCode;
        this.span = span;
        this.hint = hint;
    }

    public SubCode subCode() {
        return subCode;
    }

    public Span span() {
        return span;
    }

    public String hint() {
        return hint;
    }
}
