package io.heliox.atlas.engine.dsl.syntax;

import io.heliox.atlas.engine.dsl.Span;
import io.heliox.atlas.engine.dsl.SubCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a condition into tokens. Whitespace separates tokens and is otherwise ignored; keywords
 * are lower case. Characters that other languages use for the same idea ({@code &&}, {@code ||},
 * {@code !}, {@code =}) are refused with a hint naming our spelling, because that is the mistake
 * a model or a person coming from Python, Pine or C makes first.
 */
public final class Lexer {

    /** Longer than any sensible number; keeps Double.parseDouble away from megabyte literals. */
    private static final int MAX_NUMBER_CHARS = 24;

    private static final Map<String, TokenKind> KEYWORDS = Map.of(
            "and", TokenKind.AND, "or", TokenKind.OR, "not", TokenKind.NOT,
            "true", TokenKind.TRUE, "false", TokenKind.FALSE);

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    /** All tokens of {@code text}, ending with one {@link TokenKind#END}; throws {@link ParseFailure}. */
    public static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                tokens.add(new Token(TokenKind.END, "", new Span(text.length(), 0)));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (isDigit(c)) {
            return number(start);
        }
        if (isIdentStart(c)) {
            String word = identifier();
            return new Token(KEYWORDS.getOrDefault(word, TokenKind.IDENT), word, new Span(start, pos - start));
        }
        if (c == '$') {
            pos++;
            if (pos >= text.length() || !isIdentStart(text.charAt(pos))) {
                throw new ParseFailure(SubCode.UNEXPECTED_CHARACTER, new Span(start, 1),
                        "'$' must be followed by a parameter name",
                        "write a parameter reference as $name, e.g. $fast, with name a key of params");
            }
            identifier();
            return new Token(TokenKind.PARAM, text.substring(start, pos), new Span(start, pos - start));
        }
        return operator(start, c);
    }

    private Token number(int start) {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            int fractionStart = pos;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == fractionStart) {
                throw new ParseFailure(SubCode.BAD_NUMBER, new Span(start, pos - start),
                        "number '" + text.substring(start, pos) + "' has no digits after the point",
                        "write the digits after the point, e.g. 1.0, or drop the point");
            }
        }
        if (pos < text.length() && (isIdentStart(text.charAt(pos)) || text.charAt(pos) == '.')) {
            int end = pos;
            while (end < text.length() && (isIdentPart(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            throw new ParseFailure(SubCode.BAD_NUMBER, new Span(start, end - start),
                    "'" + text.substring(start, end) + "' is not a number",
                    "numbers are plain decimals such as 14 or 0.5 (no exponents, units or suffixes)");
        }
        if (pos - start > MAX_NUMBER_CHARS) {
            throw new ParseFailure(SubCode.BAD_NUMBER, new Span(start, pos - start),
                    "number is longer than " + MAX_NUMBER_CHARS + " characters",
                    "use a number with at most " + MAX_NUMBER_CHARS + " characters");
        }
        return new Token(TokenKind.NUMBER, text.substring(start, pos), new Span(start, pos - start));
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && isIdentPart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private Token operator(int start, char c) {
        char n = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
        TokenKind kind;
        int length = 1;
        switch (c) {
            case '(' -> kind = TokenKind.LPAREN;
            case ')' -> kind = TokenKind.RPAREN;
            case ',' -> kind = TokenKind.COMMA;
            case '+' -> kind = TokenKind.PLUS;
            case '-' -> kind = TokenKind.MINUS;
            case '*' -> kind = TokenKind.STAR;
            case '/' -> kind = TokenKind.SLASH;
            case '<' -> {
                kind = n == '=' ? TokenKind.LE : TokenKind.LT;
                length = n == '=' ? 2 : 1;
            }
            case '>' -> {
                kind = n == '=' ? TokenKind.GE : TokenKind.GT;
                length = n == '=' ? 2 : 1;
            }
            case '=' -> {
                if (n != '=') {
                    throw refused(start, 1, "'=' is not an operator", "compare with ==");
                }
                kind = TokenKind.EQ;
                length = 2;
            }
            case '!' -> {
                if (n != '=') {
                    throw refused(start, 1, "'!' is not an operator", "negate with not, e.g. not crossover(a, b)");
                }
                kind = TokenKind.NE;
                length = 2;
            }
            case '&' -> throw refused(start, n == '&' ? 2 : 1, "'&' is not an operator", "join conditions with and");
            case '|' -> throw refused(start, n == '|' ? 2 : 1, "'|' is not an operator", "join conditions with or");
            case '[' -> throw refused(start, 1, "indexing with [] is not supported",
                    "for an earlier bar use lag(x, n), e.g. lag(close, 1)");
            default -> throw refused(start, Character.charCount(text.codePointAt(start)),
                    "unexpected character '" + new String(Character.toChars(text.codePointAt(start))) + "'",
                    "remove it; a condition uses names, $params, numbers, ( ) , + - * / < <= > >= == != and, or, not");
        }
        pos += length;
        return new Token(kind, text.substring(start, pos), new Span(start, length));
    }

    private static ParseFailure refused(int start, int length, String message, String hint) {
        return new ParseFailure(SubCode.UNEXPECTED_CHARACTER, new Span(start, length), message, hint);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
