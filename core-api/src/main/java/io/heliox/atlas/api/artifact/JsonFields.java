package io.heliox.atlas.api.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading the members of a recorded document. The documents were checked against their contract
 * before they were recorded, so an absent optional member reads as null (or an empty list) and a
 * required one that is absent is a broken store, reported as such.
 */
final class JsonFields {

    private JsonFields() {
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is not a string in " + abbreviated(node));
        }
        return value.textValue();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    static Long longValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }

    static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asDouble();
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    /** The strings of an array member; absent reads as null, so a writer can leave it out again. */
    static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>(value.size());
        value.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    static ObjectNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value instanceof ObjectNode object ? object : null;
    }

    static ArrayNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value instanceof ArrayNode array ? array : null;
    }

    static void putStrings(ObjectNode node, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
