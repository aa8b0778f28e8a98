package io.heliox.atlas.llm.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local repair of the small defects models put in JSON, before any paid repair
 * round: prose or code fences around the document, comments, trailing or missing commas, single
 * or typographic quotes, unquoted keys, Python literals (True/False/None), NaN and Infinity (to
 * null), raw newlines in strings, and truncation (an unterminated string or unclosed brackets at
 * the end, as a reply cut at max_tokens has; the incomplete last member is dropped).
 *
 * <p>A lenient recursive-descent reader builds the tree directly; it never throws anything but
 * {@link Unrepairable}, whatever the input (the fuzz test holds it to that). What it returns is
 * only well-formed: whether it is <em>right</em> is for the schema to say.
 */
public final class JsonRepair {

    /** Deeper than any document of ours; stops a stack overflow on "[[[[…". */
    private static final int MAX_DEPTH = 64;
    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*\\n?([\\s\\S]*?)(?:```|$)");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The reply holds nothing that can be read as a JSON object or array. */
    public static final class Unrepairable extends Exception {
        Unrepairable(String message) {
            super(message);
        }
    }

    private final String s;
    private int i;

    private JsonRepair(String s) {
        this.s = s;
    }

    /** The first JSON object or array in {@code text}, repaired. */
    public static JsonNode repair(String text) throws Unrepairable {
        if (text == null || text.isBlank()) {
            throw new Unrepairable("the reply is empty");
        }
        String body = text.replace("\uFEFF", "").replace("\u200B", "");
        Matcher fence = FENCE.matcher(body);
        if (fence.find() && fence.group(1).indexOf('{') >= 0 | fence.group(1).indexOf('[') >= 0) {
            body = fence.group(1);
        }
        int start = firstOpening(body);
        if (start < 0) {
            throw new Unrepairable("the reply contains no JSON object or array");
        }
        JsonRepair reader = new JsonRepair(body);
        reader.i = start;
        try {
            return reader.value(0);
        } catch (StackOverflowError e) {
            throw new Unrepairable("the reply is nested too deeply");
        }
    }

    private static int firstOpening(String body) {
        int brace = body.indexOf('{');
        int bracket = body.indexOf('[');
        if (brace < 0) {
            return bracket;
        }
        return bracket < 0 ? brace : Math.min(brace, bracket);
    }

    private JsonNode value(int depth) throws Unrepairable {
        if (depth > MAX_DEPTH) {
            throw new Unrepairable("the reply is nested deeper than " + MAX_DEPTH + " levels");
        }
        skipBlank();
        if (i >= s.length()) {
            throw new Unrepairable("the reply ends where a value was expected");
        }
        char c = s.charAt(i);
        if (c == '{') {
            return object(depth);
        }
        if (c == '[') {
            return array(depth);
        }
        if (isQuote(c)) {
            return JSON.textNode(string());
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        return bareWord();
    }

    private ObjectNode object(int depth) throws Unrepairable {
        ObjectNode object = JSON.objectNode();
        i++; // {
        while (true) {
            skipBlank();
            if (i >= s.length()) {
                return object; // truncated: close it
            }
            char c = s.charAt(i);
            if (c == '}') {
                i++;
                return object;
            }
            if (c == ',' || c == ';') {
                i++;
                continue;
            }
            if (c == ']') { // mismatched closer: treat as the end of this object
                i++;
                return object;
            }
            String key = isQuote(c) ? string() : bareKey();
            if (key.isEmpty()) {
                i++; // a stray character where a key should be: skip it
                continue;
            }
            skipBlank();
            if (i < s.length() && (s.charAt(i) == ':' || s.charAt(i) == '=')) {
                i++;
            }
            skipBlank();
            if (i >= s.length() || s.charAt(i) == '}' || s.charAt(i) == ',') {
                continue; // a key without a value (cut off, or a typo): dropped
            }
            int before = i;
            try {
                object.set(key, value(depth + 1));
            } catch (Unrepairable truncated) {
                if (i < s.length() && i == before) {
                    throw truncated;
                }
                return object; // the last member was cut off: keep what was complete
            }
        }
    }

    private ArrayNode array(int depth) throws Unrepairable {
        ArrayNode array = JSON.arrayNode();
        i++; // [
        while (true) {
            skipBlank();
            if (i >= s.length()) {
                return array;
            }
            char c = s.charAt(i);
            if (c == ']') {
                i++;
                return array;
            }
            if (c == ',' || c == ';') {
                i++;
                continue;
            }
            if (c == '}') {
                i++;
                return array;
            }
            if (c == ':') {
                i++;
                continue;
            }
            try {
                array.add(value(depth + 1));
            } catch (Unrepairable truncated) {
                if (i < s.length()) {
                    throw truncated;
                }
                return array;
            }
        }
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019';
    }

    private static char closing(char open) {
        return switch (open) {
            case '\u201C', '\u201D' -> '\u201D';
            case '\u2018', '\u2019' -> '\u2019';
            default -> open;
        };
    }

    /** A quoted string; unterminated at the end of the reply means it was cut off, and it is closed. */
    private String string() {
        char open = s.charAt(i++);
        char close = closing(open);
        StringBuilder out = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == close || (close == '\u201D' && c == '"')) { // also “mixed" quotes
                return out.toString();
            }
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (i + 4 <= s.length() && s.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        } else {
                            out.append('u');
                        }
                    }
                    default -> out.append(e); // \" \\ \/ \' and unknown escapes: the character itself
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private JsonNode number() throws Unrepairable {
        int start = i;
        while (i < s.length() && "+-.0123456789eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String text = s.substring(start, i);
        String cleaned = text.startsWith("+") ? text.substring(1) : text;
        if (cleaned.startsWith(".") || cleaned.startsWith("-.")) {
            cleaned = cleaned.replaceFirst("\\.", "0.");
        }
        if (cleaned.endsWith(".")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        try {
            BigDecimal value = new BigDecimal(cleaned);
            if (value.scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    && !cleaned.contains(".") && !cleaned.toLowerCase(java.util.Locale.ROOT).contains("e")) {
                return JSON.numberNode(value.longValueExact());
            }
            double d = value.doubleValue();
            return Double.isFinite(d) ? JSON.numberNode(d) : JSON.nullNode();
        } catch (NumberFormatException | ArithmeticException e) {
            if (i >= s.length()) {
                throw new Unrepairable("the reply ends inside a number");
            }
            return JSON.textNode(text); // "1.2.3" and the like: kept as text, the schema decides
        }
    }

    private JsonNode bareWord() {
        int start = i;
        while (i < s.length() && !isDelimiter(s.charAt(i))) {
            i++;
        }
        String word = s.substring(start, i).trim();
        if (word.isEmpty()) {
            i++; // a lone delimiter we cannot use: skip it
            return JSON.nullNode();
        }
        return switch (word) {
            case "true", "True", "TRUE" -> JSON.booleanNode(true);
            case "false", "False", "FALSE" -> JSON.booleanNode(false);
            case "null", "None", "NULL", "nil", "undefined", "NaN", "Infinity", "-Infinity" -> JSON.nullNode();
            default -> JSON.textNode(word);
        };
    }

    private String bareKey() {
        int start = i;
        while (i < s.length() && !isDelimiter(s.charAt(i)) && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == ':' || c == '}' || c == ']' || c == '{' || c == '[' || c == '\n' || c == ';';
    }

    /** Whitespace and comments (// to the end of the line, /* … *&#47;, # to the end of the line). */
    private void skipBlank() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                i++;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/' || c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                return;
            }
        }
    }
}
