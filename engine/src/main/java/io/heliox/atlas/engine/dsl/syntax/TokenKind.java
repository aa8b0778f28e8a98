package io.heliox.atlas.engine.dsl.syntax;

/** The lexical categories of a condition. */
public enum TokenKind {
    NUMBER, IDENT, PARAM, LPAREN, RPAREN, COMMA,
    PLUS, MINUS, STAR, SLASH,
    LT, LE, GT, GE, EQ, NE,
    AND, OR, NOT, TRUE, FALSE,
    END;

    public boolean isComparison() {
        return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
    }
}
