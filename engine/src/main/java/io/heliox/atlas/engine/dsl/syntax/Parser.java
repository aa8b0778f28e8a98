package io.heliox.atlas.engine.dsl.syntax;

import io.heliox.atlas.engine.dsl.Span;
import io.heliox.atlas.engine.dsl.SubCode;
import io.heliox.atlas.engine.dsl.syntax.Expr.BinaryOp;
import io.heliox.atlas.engine.dsl.syntax.Expr.UnaryOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for one condition (the grammar is in engine/DSL.md; each method below
 * is one of its productions). Throws {@link ParseFailure} at the first error, with the span of
 * the token at fault.
 */
public final class Parser {

    /** Nesting limit (parentheses, calls, not, unary minus): bounds the recursion on hostile input. */
    public static final int MAX_DEPTH = 48;

    private static final Set<String> KEYWORD_SPELLINGS = Set.of("and", "or", "not", "true", "false");

    private final List<Token> tokens;
    private int index;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Expr parse(String condition) {
        Parser parser = new Parser(Lexer.tokenize(condition));
        if (parser.peek().kind() == TokenKind.END) {
            throw new ParseFailure(SubCode.UNEXPECTED_END, parser.peek().span(), "the condition is empty",
                    "write a condition, e.g. close > ma(close, 20)");
        }
        Expr expr = parser.orExpr();
        Token rest = parser.peek();
        if (rest.kind() != TokenKind.END) {
            throw new ParseFailure(SubCode.UNEXPECTED_TOKEN, rest.span(),
                    "unexpected " + rest.describe() + " after a complete condition",
                    rest.kind() == TokenKind.RPAREN ? "remove the unmatched ')'" : "join the two parts with and / or, or remove "
                            + rest.describe());
        }
        return expr;
    }

    // or_expr = and_expr { "or" and_expr }
    private Expr orExpr() {
        Expr left = andExpr();
        while (peek().kind() == TokenKind.OR) {
            advance();
            Expr right = andExpr();
            left = new Expr.Binary(BinaryOp.OR, left, right, left.span().to(right.span()));
        }
        return left;
    }

    // and_expr = not_expr { "and" not_expr }
    private Expr andExpr() {
        Expr left = notExpr();
        while (peek().kind() == TokenKind.AND) {
            advance();
            Expr right = notExpr();
            left = new Expr.Binary(BinaryOp.AND, left, right, left.span().to(right.span()));
        }
        return left;
    }

    // not_expr = "not" not_expr | comparison
    private Expr notExpr() {
        if (peek().kind() == TokenKind.NOT) {
            Token not = advance();
            enter(not);
            Expr operand = notExpr();
            depth--;
            return new Expr.Unary(UnaryOp.NOT, operand, not.span().to(operand.span()));
        }
        return comparison();
    }

    // comparison = sum [ cmp_op sum ]   (not associative: a < b < c is refused)
    private Expr comparison() {
        Expr left = sum();
        if (!peek().kind().isComparison()) {
            return left;
        }
        BinaryOp op = binaryOp(advance().kind());
        Expr right = sum();
        if (peek().kind().isComparison()) {
            throw new ParseFailure(SubCode.UNEXPECTED_TOKEN, peek().span(), "comparisons cannot be chained",
                    "join two comparisons with and, e.g. a < b and b < c");
        }
        return new Expr.Binary(op, left, right, left.span().to(right.span()));
    }

    // sum = product { ("+" | "-") product }
    private Expr sum() {
        Expr left = product();
        while (peek().kind() == TokenKind.PLUS || peek().kind() == TokenKind.MINUS) {
            BinaryOp op = binaryOp(advance().kind());
            Expr right = product();
            left = new Expr.Binary(op, left, right, left.span().to(right.span()));
        }
        return left;
    }

    // product = unary { ("*" | "/") unary }
    private Expr product() {
        Expr left = unary();
        while (peek().kind() == TokenKind.STAR || peek().kind() == TokenKind.SLASH) {
            BinaryOp op = binaryOp(advance().kind());
            Expr right = unary();
            left = new Expr.Binary(op, left, right, left.span().to(right.span()));
        }
        return left;
    }

    // unary = "-" unary | primary
    private Expr unary() {
        if (peek().kind() == TokenKind.MINUS) {
            Token minus = advance();
            enter(minus);
            Expr operand = unary();
            depth--;
            return new Expr.Unary(UnaryOp.NEG, operand, minus.span().to(operand.span()));
        }
        return primary();
    }

    // primary = number | "true" | "false" | param | call | name | "(" or_expr ")"
    private Expr primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                advance();
                return new Expr.NumberLit(Double.parseDouble(token.text()), token.text(), token.span());
            }
            case TRUE, FALSE -> {
                advance();
                return new Expr.BoolLit(token.kind() == TokenKind.TRUE, token.span());
            }
            case PARAM -> {
                advance();
                return new Expr.ParamRef(token.text().substring(1), token.span());
            }
            case IDENT -> {
                advance();
                if (peek().kind() == TokenKind.LPAREN) {
                    return call(token);
                }
                return new Expr.Name(token.text(), token.span());
            }
            case LPAREN -> {
                Token open = advance();
                enter(open);
                Expr inner = orExpr();
                depth--;
                expectClose(open, "(");
                return inner;
            }
            default -> throw unexpected(token, "a value (a number, a price series, a $param or a function call)");
        }
    }

    // call = ident "(" [ or_expr { "," or_expr } ] ")"
    private Expr call(Token name) {
        Token open = advance();
        enter(open);
        List<Expr> args = new ArrayList<>();
        if (peek().kind() != TokenKind.RPAREN) {
            args.add(orExpr());
            while (peek().kind() == TokenKind.COMMA) {
                advance();
                args.add(orExpr());
            }
        }
        depth--;
        Token close = expectClose(open, name.text() + "(");
        return new Expr.Call(name.text(), name.span(), args, name.span().to(close.span()));
    }

    private Token expectClose(Token open, String opened) {
        Token token = peek();
        if (token.kind() == TokenKind.RPAREN) {
            return advance();
        }
        if (token.kind() == TokenKind.END) {
            throw new ParseFailure(SubCode.UNCLOSED_PAREN, open.span(), "'" + opened + "' is never closed",
                    "add ')' at the end of the condition");
        }
        throw unexpected(token, "')' or ','");
    }

    private ParseFailure unexpected(Token token, String expected) {
        if (token.kind() == TokenKind.END) {
            return new ParseFailure(SubCode.UNEXPECTED_END, token.span(),
                    "the condition ends where " + expected + " was expected", "complete the condition with " + expected);
        }
        String hint = "put " + expected + " here instead of " + token.describe();
        if (token.kind() == TokenKind.IDENT && KEYWORD_SPELLINGS.contains(token.text().toLowerCase(Locale.ROOT))) {
            hint = "keywords are lower case: write " + token.text().toLowerCase(Locale.ROOT);
        }
        return new ParseFailure(SubCode.UNEXPECTED_TOKEN, token.span(),
                "unexpected " + token.describe() + ", expected " + expected, hint);
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw new ParseFailure(SubCode.TOO_DEEP, token.span(), "the condition nests deeper than " + MAX_DEPTH + " levels",
                    "split it or remove redundant parentheses");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.END) {
            index++;
        }
        return token;
    }

    private static BinaryOp binaryOp(TokenKind kind) {
        return switch (kind) {
            case LT -> BinaryOp.LT;
            case LE -> BinaryOp.LE;
            case GT -> BinaryOp.GT;
            case GE -> BinaryOp.GE;
            case EQ -> BinaryOp.EQ;
            case NE -> BinaryOp.NE;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            case STAR -> BinaryOp.MUL;
            case SLASH -> BinaryOp.DIV;
            default -> throw new IllegalArgumentException("not a binary operator: " + kind);
        };
    }
}
