package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads fields of a ScenarioDSL document and collects every problem with its JSON pointer, so a
 * caller gets all mistakes at once. The rules mirror scenario-dsl.schema.json: the engine must
 * refuse what the schema refuses even when no schema runs in front of it.
 */
final class SpecReader {

    /** An interval of allowed values; each end open or closed, as the schema states it. */
    record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {
        static Range closed(double min, double max) {
            return new Range(min, true, max, true);
        }

        /** (min, max]: e.g. a volatility, which must be positive. */
        static Range aboveUpTo(double min, double max) {
            return new Range(min, false, max, true);
        }

        /** [min, max): e.g. a GARCH weight, which must stay below 1. */
        static Range fromBelow(double min, double max) {
            return new Range(min, true, max, false);
        }

        boolean contains(double v) {
            return (minIncluded ? v >= min : v > min) && (maxIncluded ? v <= max : v < max);
        }

        @Override
        public String toString() {
            return (minIncluded ? "[" : "(") + CanonicalNumber.of(min) + ", " + CanonicalNumber.of(max)
                    + (maxIncluded ? "]" : ")");
        }
    }

    private final List<ScenarioSpecException.Problem> problems = new ArrayList<>();

    void problem(String pointer, String message) {
        problems.add(new ScenarioSpecException.Problem(pointer, message));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    List<ScenarioSpecException.Problem> problems() {
        return problems;
    }

    /** True when {@code node} is an object; otherwise records the problem. */
    boolean isObject(JsonNode node, String pointer) {
        if (node != null && node.isObject()) {
            return true;
        }
        problem(pointer, "must be an object");
        return false;
    }

    /** Reports every field of {@code object} not in {@code allowed}: a misspelt name must not pass silently. */
    void onlyFields(JsonNode object, String pointer, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(pointer + "/" + name, "unknown field; allowed: " + allowed.stream().sorted().toList());
            }
        }
    }

    /** The field's value, or null (with a problem) when it is missing. */
    JsonNode required(JsonNode object, String pointer, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            problem(pointer + "/" + name, "is required");
            return null;
        }
        return value;
    }

    /** A number within {@code range}, or NaN (with a problem). */
    double number(JsonNode object, String pointer, String name, Range range) {
        JsonNode value = required(object, pointer, name);
        return value == null ? Double.NaN : number(value, pointer + "/" + name, range);
    }

    double number(JsonNode value, String pointer, Range range) {
        if (!value.isNumber()) {
            problem(pointer, "must be a number");
            return Double.NaN;
        }
        double v = value.doubleValue();
        if (!range.contains(v)) {
            problem(pointer, "must be in " + range + ", was " + CanonicalNumber.of(v));
            return Double.NaN;
        }
        return v;
    }

    /** A whole number in [min, max] (1e3 and 1000.0 count as whole, as in JSON Schema), or null. */
    Long integer(JsonNode object, String pointer, String name, long min, long max) {
        JsonNode value = required(object, pointer, name);
        if (value == null) {
            return null;
        }
        String at = pointer + "/" + name;
        if (!value.isNumber() || (!value.isIntegralNumber() && value.doubleValue() != Math.rint(value.doubleValue()))) {
            problem(at, "must be an integer");
            return null;
        }
        double approx = value.doubleValue();
        if (approx < min || approx > max || value.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            problem(at, "must be in [" + min + ", " + max + "], was " + value.asText());
            return null;
        }
        return value.longValue();
    }

    /** A string, or null (with a problem). */
    String text(JsonNode object, String pointer, String name) {
        JsonNode value = required(object, pointer, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(pointer + "/" + name, "must be a string");
            return null;
        }
        return value.textValue();
    }
}
