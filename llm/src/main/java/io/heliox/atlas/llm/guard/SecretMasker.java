package io.heliox.atlas.llm.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a model or a log line: the values of
 * secret-looking environment variables (names ending in KEY, TOKEN, SECRET, PASSWORD, …), and
 * anything shaped like a credential (provider API keys, AWS access keys, bearer tokens, private
 * key blocks, passwords in URLs), whoever typed it.
 */
public final class SecretMasker {

    public static final String MASK = "[REDACTED]";

    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$");
    private static final int MIN_SECRET_LENGTH = 6; // shorter values would mask ordinary words
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("sk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}"),          // OpenAI / Anthropic keys
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),                          // AWS access key id
            Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{16,}=*"),       // bearer tokens
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"),
            Pattern.compile("(?<=://)[^/\\s:@]+:[^/\\s@]+(?=@)"),               // user:password@ in URLs
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b"),                 // GitHub tokens
            Pattern.compile("\\bxox[abpr]-[A-Za-z0-9-]{10,}\\b"));                // Slack tokens

    private final List<String> values;

    /** With the secret values found in this environment. */
    public SecretMasker(Map<String, String> environment) {
        List<String> found = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (value != null && value.length() >= MIN_SECRET_LENGTH && SECRET_NAME.matcher(name.toUpperCase(java.util.Locale.ROOT)).matches()) {
                found.add(value);
            }
        });
        found.sort(Comparator.comparingInt(String::length).reversed()); // a longer secret first, if one contains another
        this.values = List.copyOf(found);
    }

    public static SecretMasker fromSystemEnvironment() {
        return new SecretMasker(System.getenv());
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String value : values) {
            out = out.replace(value, MASK);
        }
        for (Pattern shape : SHAPES) {
            out = shape.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    /** True when {@code text} holds a known secret value or a credential shape: the pipeline's leak check. */
    public boolean leaks(String text) {
        return text != null && !mask(text).equals(text);
    }
}
