package io.heliox.atlas.web.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Breaks a valid document the ways clients do: a missing field, a wrong type, an extra field,
 * a number out of range, a string far too long, or JSON that is not JSON at all. Each mutation
 * returns the raw body text (malformed JSON cannot be a tree) and its name, for the report.
 */
final class Mutator {

    record Mutation(String name, String body) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final SplittableRandom random;

    Mutator(SplittableRandom random) {
        this.random = random;
    }

    Mutation mutate(JsonNode valid) {
        return switch (random.nextInt(9)) {
            case 0 -> tree("drop-field", valid, this::dropField);
            case 1 -> tree("wrong-type", valid, this::wrongType);
            case 2 -> tree("extra-field", valid, this::extraField);
            case 3 -> tree("out-of-range", valid, this::outOfRange);
            case 4 -> tree("long-string", valid, this::longString);
            case 5 -> new Mutation("truncated", truncate(valid.toString()));
            case 6 -> new Mutation("garbage", garbage());
            case 7 -> new Mutation("not-an-object", random.nextBoolean() ? "[]" : "\"text\"");
            default -> new Mutation("null-body", "null");
        };
    }

    private interface TreeEdit {
        boolean apply(ObjectNode target);
    }

    private Mutation tree(String name, JsonNode valid, TreeEdit edit) {
        JsonNode copy = valid.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        collect(copy, objects);
        if (objects.isEmpty()) {
            return new Mutation("garbage", garbage());
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            if (edit.apply(objects.get(random.nextInt(objects.size())))) {
                return new Mutation(name, copy.toString());
            }
        }
        return new Mutation("extra-field", extraFieldAtTop(copy));
    }

    private static void collect(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode object) {
            out.add(object);
            object.elements().forEachRemaining(child -> collect(child, out));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    private String pickField(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? null : names.get(random.nextInt(names.size()));
    }

    private boolean dropField(ObjectNode object) {
        String field = pickField(object);
        if (field == null) {
            return false;
        }
        object.remove(field);
        return true;
    }

    private boolean wrongType(ObjectNode object) {
        String field = pickField(object);
        if (field == null) {
            return false;
        }
        JsonNode value = object.get(field);
        JsonNode replacement = value.isTextual() ? JSON.numberNode(42)
                : value.isNumber() ? JSON.textNode("42")
                : value.isBoolean() ? JSON.textNode("true")
                : value.isArray() ? JSON.objectNode()
                : value.isObject() ? JSON.arrayNode()
                : JSON.objectNode();
        object.set(field, replacement);
        return true;
    }

    private boolean extraField(ObjectNode object) {
        object.put("unexpected_" + random.nextInt(1000), "surprise");
        return true;
    }

    private String extraFieldAtTop(JsonNode copy) {
        if (copy instanceof ObjectNode object) {
            object.put("unexpected", true);
        }
        return copy.toString();
    }

    private boolean outOfRange(ObjectNode object) {
        String field = pickField(object);
        if (field == null || !object.get(field).isNumber()) {
            return false;
        }
        double[] extremes = {-1, -1e18, 1e18, 1e308, 0.5, Long.MAX_VALUE};
        object.put(field, extremes[random.nextInt(extremes.length)]);
        return true;
    }

    private boolean longString(ObjectNode object) {
        String field = pickField(object);
        if (field == null || !object.get(field).isTextual()) {
            return false;
        }
        object.put(field, "x".repeat(5_000 + random.nextInt(20_000)));
        return true;
    }

    private String truncate(String json) {
        return json.length() < 2 ? "{" : json.substring(0, 1 + random.nextInt(json.length() - 1));
    }

    private String garbage() {
        String[] junk = {"{", "}", "{\"prompt\":}", "{'prompt':'a'}", "{\"a\":1,}", "NaN", "{\"a\":1}{\"b\":2}",
                "\u0000", "<xml/>", "{\"prompt\":\"a\",\"prompt\":\"b\"}", "   ", "{\"a\":\"\\uZZZZ\"}"};
        return junk[random.nextInt(junk.length)];
    }
}
