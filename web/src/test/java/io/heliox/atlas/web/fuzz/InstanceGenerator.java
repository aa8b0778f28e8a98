package io.heliox.atlas.web.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.curiousoddman.rgxgen.RgxGen;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Draws JSON instances of an OpenAPI 3.0 schema from a seeded random source: enums, oneOf, object
 * properties (all required ones, a random half of the optional ones), arrays, numbers within
 * their bounds, and strings by format, pattern (rgxgen) or length, with unicode in free text.
 * The contract's strict JSON Schemas, not this generator, decide whether a drawn document is valid.
 */
final class InstanceGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Free text mixes ASCII with accents, CJK, RTL, emoji, zero-width and control characters. */
    private static final String[] ALPHABET = {
            "a", "b", "z", "M", "A", " ", "0", "9", "_", "-", ".", "é", "ß", "ø", "中", "文", "ע", "ب", "😀", "📈",
            "\u200b", "\t", "\n", "\"", "\\", "/", "%", "'", "<", ">", "&", "$", "{"};

    private final SplittableRandom random;
    private final Random rgxRandom;

    InstanceGenerator(SplittableRandom random) {
        this.random = random;
        this.rgxRandom = new Random(random.nextLong()); // rgxgen takes a java.util.Random; seeded from ours
    }

    JsonNode instance(Schema<?> schema) {
        return instance(schema, 0);
    }

    @SuppressWarnings("unchecked")
    private JsonNode instance(Schema<?> schema, int depth) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            Object value = schema.getEnum().get(random.nextInt(schema.getEnum().size()));
            return value == null ? JSON.nullNode() : literal(value);
        }
        List<Schema> choices = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (choices != null && !choices.isEmpty()) {
            return instance(choices.get(random.nextInt(choices.size())), depth);
        }
        if (Boolean.TRUE.equals(schema.getNullable()) && random.nextInt(8) == 0) {
            return JSON.nullNode();
        }
        String type = schema.getType();
        if (type == null) {
            type = schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
        }
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "integer" -> JSON.numberNode(integer(schema));
            case "number" -> JSON.numberNode(number(schema));
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            default -> JSON.textNode(string(schema));
        };
    }

    private static JsonNode literal(Object value) {
        if (value instanceof Number n) {
            return n instanceof Integer || n instanceof Long ? JSON.numberNode(n.longValue()) : JSON.numberNode(new BigDecimal(n.toString()));
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        return JSON.textNode(value.toString());
    }

    @SuppressWarnings("unchecked")
    private ObjectNode object(Schema<?> schema, int depth) {
        ObjectNode node = JSON.objectNode();
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            boolean include = required.contains(property.getKey()) || (depth < 4 && random.nextBoolean());
            if (include) {
                node.set(property.getKey(), instance(property.getValue(), depth + 1));
            }
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values && properties.isEmpty() && depth < 4) {
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                // map keys: the contract's params rule (^[a-z][a-z0-9_]{0,31}$), stated in its description
                node.set(RgxGen.parse("[a-z][a-z0-9_]{0,8}").generate(rgxRandom), instance(values, depth + 1));
            }
        }
        return node;
    }

    private ArrayNode array(Schema<?> schema, int depth) {
        ArrayNode node = JSON.arrayNode();
        int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
        int max = schema.getMaxItems() == null ? min + 3 : Math.min(schema.getMaxItems(), min + 3);
        int count = min + random.nextInt(Math.max(1, max - min + 1));
        for (int i = 0; i < count && schema.getItems() != null; i++) {
            node.add(instance(schema.getItems(), depth + 1));
        }
        return node;
    }

    private long integer(Schema<?> schema) {
        long min = schema.getMinimum() == null ? -1000 : schema.getMinimum().longValue();
        long max = schema.getMaximum() == null ? min + 100_000 : schema.getMaximum().longValue();
        if (Boolean.TRUE.equals(schema.getExclusiveMinimum())) {
            min++;
        }
        if (Boolean.TRUE.equals(schema.getExclusiveMaximum())) {
            max--;
        }
        return switch (random.nextInt(4)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (long) (random.nextDouble() * (double) (max - min));
        };
    }

    private double number(Schema<?> schema) {
        double min = schema.getMinimum() == null ? -1000 : schema.getMinimum().doubleValue();
        double max = schema.getMaximum() == null ? min + 100_000 : schema.getMaximum().doubleValue();
        double value = min + random.nextDouble() * (max - min);
        if (Boolean.TRUE.equals(schema.getExclusiveMinimum()) && value <= min) {
            value = Math.nextUp(min);
        }
        return Math.round(value * 10_000) / 10_000.0;
    }

    private String string(Schema<?> schema) {
        String format = schema.getFormat();
        if ("uuid".equals(format)) {
            return UUID.randomUUID().toString();
        }
        if ("date-time".equals(format)) {
            return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000)).toString();
        }
        if (schema.getPattern() != null) {
            String pattern = schema.getPattern().replaceAll("^\\^|\\$$", "");
            for (int attempt = 0; attempt < 10; attempt++) {
                String s = RgxGen.parse(pattern).generate(rgxRandom);
                if (fits(schema, s)) {
                    return s;
                }
            }
        }
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        int max = schema.getMaxLength() == null ? min + 40 : Math.min(schema.getMaxLength(), min + 40);
        int length = min + random.nextInt(Math.max(1, max - min + 1));
        StringBuilder s = new StringBuilder();
        while (s.codePointCount(0, s.length()) < length) {
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        if (length > 0 && random.nextInt(60) == 0) {
            s.setCharAt(random.nextInt(s.length()), '\u0000'); // legal JSON, refused by the server
        }
        return s.toString();
    }

    private static boolean fits(Schema<?> schema, String s) {
        int length = s.codePointCount(0, s.length());
        return (schema.getMinLength() == null || length >= schema.getMinLength())
                && (schema.getMaxLength() == null || length <= schema.getMaxLength());
    }
}
