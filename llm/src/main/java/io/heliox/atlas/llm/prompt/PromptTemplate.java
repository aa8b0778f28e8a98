package io.heliox.atlas.llm.prompt;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt template of the registry: a YAML file under {@code prompts/}.
 * {@code {{name}}} marks a placeholder; {@link #checksum} is the SHA-256 of the template's canonical
 * JSON, so {@link #ref()} ({@code id@version#checksum}) names exactly the text that was sent.
 *
 * @param outputSchemaRef the contract schema the answer must validate against ({@code any}: none)
 */
public record PromptTemplate(String id, int version, String system, String user, List<String> placeholders,
                             List<String> stop, String outputSchemaRef, String checksum) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    public PromptTemplate {
        placeholders = List.copyOf(placeholders);
        stop = List.copyOf(stop);
    }

    /** {@code architect@1#3f2a…}: what every LLM event records. */
    public String ref() {
        return id + "@" + version + "#" + checksum;
    }

    /** The system and user text with every placeholder filled; a missing or unknown value is a programming error. */
    public Rendered render(Map<String, String> values) {
        if (!values.keySet().equals(new java.util.HashSet<>(placeholders))) {
            throw new IllegalArgumentException("template " + id + " takes " + placeholders + ", got " + values.keySet());
        }
        return new Rendered(fill(system, values), fill(user, values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Placeholder names used in the text, for the registry's consistency check. */
    static java.util.Set<String> used(String text) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    public record Rendered(String system, String user) {
    }
}
