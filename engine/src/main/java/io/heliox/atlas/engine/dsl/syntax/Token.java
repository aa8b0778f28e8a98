package io.heliox.atlas.engine.dsl.syntax;

import io.heliox.atlas.engine.dsl.Span;

/** One lexeme: its kind, its exact text and where it sits in the condition. */
public record Token(TokenKind kind, String text, Span span) {

    /** How an error message names this token. */
    public String describe() {
        return kind == TokenKind.END ? "the end of the condition" : "'" + text + "'";
    }
}
