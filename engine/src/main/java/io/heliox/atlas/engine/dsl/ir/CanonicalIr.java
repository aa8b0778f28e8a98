package io.heliox.atlas.engine.dsl.ir;

import io.heliox.atlas.kernel.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of the IR and its SHA-256: keys sorted, no whitespace, numbers in one
 * spelling (whole numbers without a point, others as Java's shortest round-trip form). The hash
 * is the strategy's content address: backtests and packages are cached and looked up by it.
 */
public final class CanonicalIr {

    /** Names the IR format inside the canonical form, so a format change changes every hash. */
    public static final String FORMAT = "atlas.strategy-ir/1";

    private CanonicalIr() {
    }

    public static String json(IrNode node) {
        StringBuilder out = new StringBuilder();
        write(tree(node), out);
        return out.toString();
    }

    public static String json(IrStrategy strategy) {
        StringBuilder out = new StringBuilder();
        write(tree(strategy), out);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of {@link #json(IrStrategy)}. */
    public static String hash(IrStrategy strategy) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(strategy).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The IR as plain maps, lists, strings, numbers and booleans (maps sorted by key). */
    public static Map<String, Object> tree(IrStrategy s) {
        Map<String, Object> root = new TreeMap<>();
        root.put("format", FORMAT);
        root.put("semantics", s.semantics());
        root.put("timeframe", s.timeframe());
        List<Object> rules = new ArrayList<>();
        for (IrStrategy.Rule rule : s.rules()) {
            Map<String, Object> r = new TreeMap<>();
            r.put("action", rule.action().dslName());
            r.put("when", tree(rule.when()));
            rules.add(r);
        }
        root.put("rules", rules);
        if (s.sizing() != null) {
            Map<String, Object> sizing = new TreeMap<>();
            sizing.put("mode", s.sizing().mode());
            sizing.put("value", s.sizing().value());
            root.put("sizing", sizing);
        }
        if (s.risk() != null) {
            Map<String, Object> risk = new TreeMap<>();
            putIfPresent(risk, "stop_loss_bps", s.risk().stopLossBps());
            putIfPresent(risk, "take_profit_bps", s.risk().takeProfitBps());
            putIfPresent(risk, "stop_loss_atr", s.risk().stopLossAtr());
            putIfPresent(risk, "take_profit_atr", s.risk().takeProfitAtr());
            putIfPresent(risk, "cooldown_bars", s.risk().cooldownBars());
            putIfPresent(risk, "max_bars_held", s.risk().maxBarsHeld());
            root.put("risk", risk);
        }
        return root;
    }

    public static Map<String, Object> tree(IrNode node) {
        Map<String, Object> out = new TreeMap<>();
        out.put("type", node.type().dslName());
        if (node instanceof IrNode.Num n) {
            out.put("op", "num");
            out.put("value", n.value());
        } else if (node instanceof IrNode.Bool b) {
            out.put("op", "bool");
            out.put("value", b.value());
        } else if (node instanceof IrNode.Series s) {
            out.put("op", "series");
            out.put("name", s.series().dslName());
        } else if (node instanceof IrNode.Call c) {
            out.put("op", "call");
            out.put("fn", c.function());
            out.put("args", c.args().stream().map(CanonicalIr::tree).toList());
        } else if (node instanceof IrNode.Neg n) {
            out.put("op", "neg");
            out.put("args", List.of(tree(n.operand())));
        } else if (node instanceof IrNode.Arith a) {
            out.put("op", lower(a.op()));
            out.put("args", List.of(tree(a.left()), tree(a.right())));
        } else if (node instanceof IrNode.Compare c) {
            out.put("op", lower(c.op()));
            out.put("args", List.of(tree(c.left()), tree(c.right())));
        } else if (node instanceof IrNode.Not n) {
            out.put("op", "not");
            out.put("args", List.of(tree(n.operand())));
        } else if (node instanceof IrNode.Logic l) {
            out.put("op", lower(l.op()));
            out.put("args", l.operands().stream().map(CanonicalIr::tree).toList());
        }
        return out;
    }

    private static String lower(Enum<?> op) {
        return op.name().toLowerCase(Locale.ROOT);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : new TreeMap<>((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Number n) {
            out.append(number(n.doubleValue()));
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else {
            string(String.valueOf(value), out);
        }
    }

    /**
     * Numbers and strings are spelled by the project's one canonical encoder (RFC 8785): the
     * JDK's Double.toString spells some doubles differently across versions, which would change
     * IR hashes from one JVM to the next.
     */
    public static String number(double v) {
        // messages may quote an open bound (±Infinity); canonical JSON has no spelling for it
        return Double.isFinite(v) ? CanonicalJson.number(v) : Double.toString(v);
    }

    private static void string(String s, StringBuilder out) {
        out.append(CanonicalJson.quote(s));
    }
}
