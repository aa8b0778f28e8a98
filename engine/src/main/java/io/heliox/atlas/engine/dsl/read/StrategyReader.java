package io.heliox.atlas.engine.dsl.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.dsl.Action;
import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.Loc;
import io.heliox.atlas.engine.dsl.SubCode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields the engine needs from a StrategyDSL JSON tree, reporting each missing or
 * mistyped one as {@code DSL_SCHEMA_INVALID}. It is deliberately a subset of the contract's JSON
 * Schema (which the web layer runs first): enough that the engine is safe to call on any tree,
 * even one that never went through the schema.
 */
public final class StrategyReader {

    private static final Set<String> TIMEFRAMES = Set.of("1m", "5m", "15m", "1h", "4h", "1d");

    private final List<DslError> errors = new ArrayList<>();

    private StrategyReader() {
    }

    public record Result(StrategyDoc doc, List<DslError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Result read(JsonNode root) {
        return new StrategyReader().readRoot(root);
    }

    private Result readRoot(JsonNode root) {
        if (root == null || !root.isObject()) {
            errors.add(DslError.of(SubCode.WRONG_TYPE, Loc.at(""), "a StrategyDSL document is a JSON object",
                    "send an object with id, name, version, timeframe, rules and params"));
            return new Result(null, errors);
        }
        String id = text(root, "id");
        String name = text(root, "name");
        DslVersion version = version(root);
        String timeframe = timeframe(root);
        List<StrategyDoc.RuleDoc> rules = rules(root);
        Map<String, Double> params = params(root);
        StrategyDoc.Sizing sizing = sizing(root);
        StrategyDoc.Risk risk = risk(root, version);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new StrategyDoc(id, name, version, timeframe, rules, params, sizing, risk,
                root.get("metadata")), errors);
    }

    private String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null) {
            missing("/" + field, "\"" + field + "\" is required", "add \"" + field + "\"");
            return null;
        }
        if (!node.isTextual()) {
            wrongType("/" + field, "\"" + field + "\" must be a string", "make \"" + field + "\" a string");
            return null;
        }
        return node.asText();
    }

    private DslVersion version(JsonNode root) {
        String text = text(root, "version");
        if (text == null) {
            return null;
        }
        return DslVersion.parse(text).orElseGet(() -> {
            errors.add(DslError.of(SubCode.VERSION_UNSUPPORTED, Loc.at("/version"),
                    "version \"" + text + "\" is not supported; this engine reads " + DslVersion.LEVEL + " up to "
                            + DslVersion.LEVEL + "." + DslVersion.LATEST_REVISION,
                    "set \"version\" to \"" + DslVersion.LEVEL + "\""));
            return null;
        });
    }

    private String timeframe(JsonNode root) {
        String tf = text(root, "timeframe");
        if (tf != null && !TIMEFRAMES.contains(tf)) {
            errors.add(DslError.of(SubCode.WRONG_TYPE, Loc.at("/timeframe"), "timeframe \"" + tf + "\" is not one of "
                    + String.join(", ", List.of("1m", "5m", "15m", "1h", "4h", "1d")), "use one of 1m, 5m, 15m, 1h, 4h, 1d"));
            return null;
        }
        return tf;
    }

    private List<StrategyDoc.RuleDoc> rules(JsonNode root) {
        List<StrategyDoc.RuleDoc> rules = new ArrayList<>();
        JsonNode node = root.get("rules");
        if (node == null) {
            missing("/rules", "\"rules\" is required", "add \"rules\": [{\"if\": \"...\", \"then\": \"buy\"}]");
            return rules;
        }
        if (!node.isArray() || node.isEmpty()) {
            wrongType("/rules", "\"rules\" must be a non-empty array", "add at least one rule {\"if\": ..., \"then\": ...}");
            return rules;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "/rules/" + i;
            JsonNode rule = node.get(i);
            if (!rule.isObject()) {
                wrongType(path, "a rule must be an object", "write the rule as {\"if\": \"...\", \"then\": \"buy\"}");
                continue;
            }
            String condition = text(rule, path, "if");
            String then = text(rule, path, "then");
            Action action = then == null ? null : Action.byName(then).orElse(null);
            if (then != null && action == null) {
                wrongType(path + "/then", "\"" + then + "\" is not an action", "use one of buy, sell, close, hold");
            }
            if (condition != null && action != null) {
                rules.add(new StrategyDoc.RuleDoc(condition, action));
            }
        }
        return rules;
    }

    private String text(JsonNode object, String path, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            missing(path + "/" + field, "\"" + field + "\" is required in a rule", "add \"" + field + "\" to the rule");
            return null;
        }
        if (!node.isTextual()) {
            wrongType(path + "/" + field, "\"" + field + "\" must be a string", "make \"" + field + "\" a string");
            return null;
        }
        return node.asText();
    }

    private Map<String, Double> params(JsonNode root) {
        Map<String, Double> params = new LinkedHashMap<>();
        JsonNode node = root.get("params");
        if (node == null) {
            missing("/params", "\"params\" is required (it may be {})", "add \"params\": {}");
            return params;
        }
        if (!node.isObject()) {
            wrongType("/params", "\"params\" must be an object of numbers", "write params as {\"name\": number}");
            return params;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble())) {
                wrongType("/params/" + pointerEscape(e.getKey()), "param \"" + e.getKey() + "\" must be a number",
                        "give \"" + e.getKey() + "\" a numeric value");
                continue;
            }
            params.put(e.getKey(), e.getValue().asDouble());
        }
        return params;
    }

    private StrategyDoc.Sizing sizing(JsonNode root) {
        JsonNode node = root.get("sizing");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            wrongType("/sizing", "\"sizing\" must be an object", "write {\"mode\": \"fraction\", \"value\": 0.5}");
            return null;
        }
        String mode = text(node, "/sizing", "mode");
        if (mode != null && !mode.equals(StrategyDoc.Sizing.FRACTION) && !mode.equals(StrategyDoc.Sizing.FIXED_QTY)) {
            wrongType("/sizing/mode", "sizing mode \"" + mode + "\" is unknown", "use fraction or fixed_qty");
            mode = null;
        }
        Double value = number(node, "/sizing", "value", true);
        return mode == null || value == null ? null : new StrategyDoc.Sizing(mode, value);
    }

    private StrategyDoc.Risk risk(JsonNode root, DslVersion version) {
        JsonNode node = root.get("risk");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            wrongType("/risk", "\"risk\" must be an object", "write risk as {\"stop_loss_bps\": 150}");
            return null;
        }
        if (node.has("max_bars_held") && version != null && !version.atLeastRevision(1)) {
            errors.add(DslError.of(SubCode.FIELD_NEWER_THAN_VERSION, Loc.at("/risk/max_bars_held"),
                    "risk.max_bars_held exists from version 0.1.1 on; this document says " + version.level(),
                    "set \"version\" to \"0.1.1\""));
        }
        return new StrategyDoc.Risk(number(node, "/risk", "stop_loss_bps", false),
                number(node, "/risk", "take_profit_bps", false),
                number(node, "/risk", "stop_loss_atr", false),
                number(node, "/risk", "take_profit_atr", false),
                number(node, "/risk", "cooldown_bars", false),
                number(node, "/risk", "max_bars_held", false));
    }

    private Double number(JsonNode object, String path, String field, boolean required) {
        JsonNode node = object.get(field);
        if (node == null) {
            if (required) {
                missing(path + "/" + field, "\"" + field + "\" is required", "add \"" + field + "\"");
            }
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            wrongType(path + "/" + field, "\"" + field + "\" must be a number", "give \"" + field + "\" a numeric value");
            return null;
        }
        return node.asDouble();
    }

    private void missing(String path, String message, String hint) {
        errors.add(DslError.of(SubCode.MISSING_FIELD, Loc.at(path), message, hint));
    }

    private void wrongType(String path, String message, String hint) {
        errors.add(DslError.of(SubCode.WRONG_TYPE, Loc.at(path), message, hint));
    }

    /** RFC 6901: "~" and "/" in a key are escaped so the pointer still names it. */
    public static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
