package io.heliox.atlas.kernel;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Canonical JSON for content hashes, following RFC 8785 (JSON Canonicalization Scheme), so that
 * the same content gives the same bytes whoever wrote it, and a browser can reproduce the bytes
 * with {@code JSON.stringify} on a key-sorted value.
 *
 * <ul>
 *   <li>Objects: members sorted by key, compared as UTF-16 code units ({@link String#compareTo});
 *       no whitespace anywhere.</li>
 *   <li>Strings: UTF-8; only {@code "} and {@code \} and control characters are escaped
 *       ({@code \b \t \n \f \r}, others as backslash-u00xx in lower-case hex).</li>
 *   <li>Numbers are IEEE-754 doubles, written as ECMAScript writes them: {@code 1}, {@code 1.0}
 *       and {@code 1e0} all become {@code 1}; {@code -0} becomes {@code 0}; a fraction is written
 *       with the fewest significant digits that read back as the same double ({@code 0.1}, not
 *       {@code 0.1000000000000000055…}); exponents appear below 1e-6 and from 1e21 on
 *       ({@code 1e-7}, {@code 1e+21}). NaN and infinities are not JSON and are rejected, and so
 *       are integer literals beyond ±2^53, which no double holds exactly (two different
 *       integers would otherwise share a hash).</li>
 * </ul>
 *
 * <p>The shortest digits are found with {@link BigDecimal} and {@link Double#parseDouble}, both
 * exact by specification, rather than {@link Double#toString}, whose digits changed in JDK 19:
 * a hash must not depend on the JVM that computed it.
 */
public final class CanonicalJson {

    /** 2^53: every integer of at most this magnitude is exactly a double. */
    private static final long MAX_EXACT_INTEGER = 1L << 53;

    private CanonicalJson() {
    }

    /** The canonical text of a JSON tree. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out, "");
        return out.toString();
    }

    /** The canonical UTF-8 bytes of a JSON tree: what {@link #sha256(JsonNode)} digests. */
    public static byte[] bytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256 of the canonical bytes. */
    public static String sha256(JsonNode node) {
        return sha256(bytes(node));
    }

    /** Lower-case hex SHA-256 of any bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    /** A fresh SHA-256 digest (for callers that stream columns into it). */
    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void write(JsonNode node, StringBuilder out, String pointer) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                keys.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    String key = keys.get(i);
                    string(key, out);
                    out.append(':');
                    write(node.get(key), out, pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out, pointer + "/" + i);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> out.append(number(node, pointer));
            default -> throw new IllegalArgumentException(
                    "not plain JSON at '" + pointer + "': " + node.getNodeType());
        }
    }

    private static String number(JsonNode node, String pointer) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.abs().compareTo(BigInteger.valueOf(MAX_EXACT_INTEGER)) > 0) {
                throw new IllegalArgumentException("integer at '" + pointer + "' is beyond ±2^53 and has no exact "
                        + "canonical form: " + value);
            }
            return value.toString();
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("number at '" + pointer + "' is not finite: " + value);
        }
        return number(value);
    }

    /** The canonical spelling of a finite double (ECMAScript Number::toString). */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a JSON number: " + value);
        }
        if (value == 0) {
            return "0"; // also -0
        }
        BigDecimal shortest = shortestDigits(value).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = digits × 10^(n−k)
        StringBuilder out = new StringBuilder(k + 8);
        if (value < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code value}; among
     * several, the nearest (half-even rounding of the exact binary value is tried first).
     */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            for (RoundingMode mode : new RoundingMode[]{RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (Double.parseDouble(candidate.toString()) == value) {
                    return candidate;
                }
            }
        }
        return exact; // unreachable: 17 significant digits always round-trip a double
    }

    /** A string as a canonical JSON literal (quotes and escapes included). */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
