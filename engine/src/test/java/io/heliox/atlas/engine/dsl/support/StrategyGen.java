package io.heliox.atlas.engine.dsl.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.dsl.PriceSeries;
import io.heliox.atlas.engine.dsl.Span;
import io.heliox.atlas.engine.dsl.syntax.Expr;
import io.heliox.atlas.engine.dsl.syntax.Expr.BinaryOp;
import io.heliox.atlas.engine.dsl.syntax.Printer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators for property tests, the fuzz run and the benchmark: well-typed condition
 * trees, whole strategies around them, token soup, and random mutations of a document.
 */
public final class StrategyGen {

    private static final Span NO_SPAN = new Span(0, 0);
    private static final String[] WINDOWED = {"ma", "ema", "rsi", "highest", "lowest", "slope", "bbands_mid"};
    private static final String[] BANDS = {"bbands_upper", "bbands_lower"};
    private static final BinaryOp[] ARITH = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV};
    private static final BinaryOp[] COMPARE = {BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE, BinaryOp.EQ, BinaryOp.NE};
    private static final String[] SOUP = {"close", "open", "high", "low", "volume", "ma", "ema", "rsi", "atr", "lag",
            "crossover", "crossunder", "highest", "slope", "bbands_upper", "vwap", "(", ")", ",", "+", "-", "*", "/",
            "<", "<=", ">", ">=", "==", "!=", "and", "or", "not", "true", "false", "$fast", "$slow", "$nope", "$",
            "14", "0", "-1", "2.5", "1.", "3x", "&&", "||", "!", "=", "[", "]", "#", "é", " ", "  ", "\t", "AND", "_x"};

    public static final int PARAM_WINDOW = 14;

    private final Random random;

    public StrategyGen(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A well-typed boolean condition tree that uses only $w (= {@link #PARAM_WINDOW}) as a param. */
    public Expr condition(int depth) {
        int pick = random.nextInt(depth <= 0 ? 3 : 7);
        switch (pick) {
            case 0, 1 -> {
                return new Expr.Binary(COMPARE[random.nextInt(COMPARE.length)], number(depth - 1), number(depth - 1), NO_SPAN);
            }
            case 2 -> {
                return call(random.nextBoolean() ? "crossover" : "crossunder", number(depth - 1), number(depth - 1));
            }
            case 3, 4 -> {
                return new Expr.Binary(random.nextBoolean() ? BinaryOp.AND : BinaryOp.OR, condition(depth - 1),
                        condition(depth - 1), NO_SPAN);
            }
            case 5 -> {
                return new Expr.Unary(Expr.UnaryOp.NOT, condition(depth - 1), NO_SPAN);
            }
            default -> {
                return random.nextInt(4) == 0 ? new Expr.BoolLit(random.nextBoolean(), NO_SPAN)
                        : new Expr.Binary(BinaryOp.GT, number(0), number(0), NO_SPAN);
            }
        }
    }

    /** A well-typed number tree. */
    public Expr number(int depth) {
        int pick = random.nextInt(depth <= 0 ? 3 : 8);
        switch (pick) {
            case 0 -> {
                return new Expr.Name(PriceSeries.values()[random.nextInt(PriceSeries.values().length)].dslName(), NO_SPAN);
            }
            case 1 -> {
                return literal();
            }
            case 2 -> {
                return new Expr.ParamRef("w", NO_SPAN);
            }
            case 3, 4 -> {
                return call(WINDOWED[random.nextInt(WINDOWED.length)], number(depth - 1), window());
            }
            case 5 -> {
                return random.nextBoolean() ? call("atr", window())
                        : call(BANDS[random.nextInt(BANDS.length)], number(depth - 1), window(),
                        new Expr.NumberLit(2, "2", NO_SPAN));
            }
            case 6 -> {
                return random.nextBoolean() ? call("lag", number(depth - 1), new Expr.NumberLit(1, "1", NO_SPAN))
                        : new Expr.Unary(Expr.UnaryOp.NEG, number(depth - 1), NO_SPAN);
            }
            default -> {
                BinaryOp op = ARITH[random.nextInt(ARITH.length)];
                Expr right = op == BinaryOp.DIV ? positiveLiteral() : number(depth - 1);
                return new Expr.Binary(op, number(depth - 1), right, NO_SPAN);
            }
        }
    }

    private Expr window() {
        if (random.nextInt(3) == 0) {
            return new Expr.ParamRef("w", NO_SPAN);
        }
        int n = 1 + random.nextInt(60);
        return new Expr.NumberLit(n, Integer.toString(n), NO_SPAN);
    }

    private Expr literal() {
        return random.nextBoolean() ? positiveLiteral() : new Expr.NumberLit(0, "0", NO_SPAN);
    }

    private Expr positiveLiteral() {
        if (random.nextBoolean()) {
            int n = 1 + random.nextInt(200);
            return new Expr.NumberLit(n, Integer.toString(n), NO_SPAN);
        }
        String text = (1 + random.nextInt(99)) + "." + (1 + random.nextInt(99));
        return new Expr.NumberLit(Double.parseDouble(text), text, NO_SPAN);
    }

    private static Expr call(String name, Expr... args) {
        return new Expr.Call(name, NO_SPAN, List.of(args), NO_SPAN);
    }

    /** Random tokens and characters joined by random spacing. */
    public String tokenSoup(int maxTokens) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(maxTokens + 1);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(12) == 0) {
                out.append((char) (random.nextInt(0x250)));
            } else {
                out.append(SOUP[random.nextInt(SOUP.length)]);
            }
            if (random.nextBoolean()) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** A strategy built around generated conditions: a buy rule, an exit rule, sizing and a stop. */
    public ObjectNode strategy() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.put("id", "gen-" + random.nextInt(1_000_000));
        doc.put("name", "Generated");
        doc.put("version", random.nextInt(4) == 0 ? "0.1.1" : "0.1");
        doc.put("timeframe", new String[]{"1m", "5m", "15m", "1h", "4h", "1d"}[random.nextInt(6)]);
        ArrayNode rules = doc.putArray("rules");
        int count = 1 + random.nextInt(5);
        String[] actions = {"buy", "close", "sell", "hold"};
        for (int i = 0; i < count; i++) {
            ObjectNode rule = rules.addObject();
            rule.put("if", Printer.print(condition(1 + random.nextInt(3))));
            rule.put("then", i == 0 ? "buy" : actions[random.nextInt(actions.length)]);
        }
        doc.putObject("params").put("w", PARAM_WINDOW);
        ObjectNode sizing = doc.putObject("sizing");
        sizing.put("mode", "fraction");
        sizing.put("value", 0.5);
        doc.putObject("risk").put("stop_loss_bps", 150);
        return doc;
    }

    /** Breaks a document in a random way (or leaves it alone): the fuzz run's mutations. */
    public void mutate(ObjectNode doc) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        // An earlier mutation may have removed or retyped what this one edits: then edit a scratch copy.
        ArrayNode rules = doc.get("rules") instanceof ArrayNode a && !a.isEmpty() ? a : f.arrayNode().add(f.objectNode().put("if", ""));
        ObjectNode rule = rules.get(random.nextInt(rules.size())) instanceof ObjectNode o ? o : f.objectNode().put("if", "");
        if (!rule.path("if").isTextual()) {
            rule = f.objectNode().put("if", "");
        }
        ObjectNode params = doc.get("params") instanceof ObjectNode o ? o : f.objectNode();
        ObjectNode sizing = doc.get("sizing") instanceof ObjectNode o ? o : f.objectNode();
        ObjectNode risk = doc.get("risk") instanceof ObjectNode o ? o : f.objectNode();
        switch (random.nextInt(14)) {
            case 0 -> rule.put("if", tokenSoup(12));
            case 1 -> {
                String text = rule.get("if").asText();
                int at = random.nextInt(text.length() + 1);
                rule.put("if", text.substring(0, at) + SOUP[random.nextInt(SOUP.length)] + text.substring(at));
            }
            case 2 -> {
                String text = rule.get("if").asText();
                if (!text.isEmpty()) {
                    int at = random.nextInt(text.length());
                    rule.put("if", text.substring(0, at) + text.substring(at + 1));
                }
            }
            case 3 -> doc.remove(List.of("id", "name", "version", "timeframe", "rules", "params", "sizing", "risk")
                    .get(random.nextInt(8)));
            case 4 -> doc.put("version", new String[]{"0.2", "1.0", "0.1.", "0.1.7", ""}[random.nextInt(5)]);
            case 5 -> params.put("w", new double[]{0, -3, 2.5, 1e6, 7}[random.nextInt(5)]);
            case 6 -> rule.put("then", new String[]{"short", "hold", "close", "BUY"}[random.nextInt(4)]);
            case 7 -> doc.set("params", f.textNode("w=14"));
            case 8 -> sizing.put("value", new double[]{0, 1.5, -1, 1}[random.nextInt(4)]);
            case 9 -> risk.put("cooldown_bars", new double[]{0, 1, 2.5, -4}[random.nextInt(4)]);
            case 10 -> rule.set("if", random.nextBoolean() ? f.numberNode(42) : f.nullNode());
            case 11 -> rules.add(rule.deepCopy());
            case 12 -> risk.put("max_bars_held", random.nextInt(3));
            default -> {
                // unchanged: valid documents must stay valid
            }
        }
    }

    /** A copy of {@code node} with every object's keys in a random order. */
    public JsonNode shuffleKeys(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            java.util.Collections.shuffle(names, random);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> out.set(name, shuffleKeys(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(shuffleKeys(child)));
            return out;
        }
        return node;
    }
}
