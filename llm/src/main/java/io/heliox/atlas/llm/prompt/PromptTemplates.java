package io.heliox.atlas.llm.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.heliox.atlas.kernel.CanonicalJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The prompt template registry: every node's template, loaded once from {@code prompts/<id>.yaml}
 * on the classpath and checked on load (fields present, placeholders declared = placeholders used).
 * The checksum covers the template's content, not its YAML formatting or comments.
 */
public final class PromptTemplates {

    /** Every template the product ships; {@code prompts/templates.lock} pins each one's checksum per version. */
    public static final List<String> IDS = List.of(
            "architect", "synth", "repair", "qc_planner", "formal_verifier", "style_qa", "gatekeeper");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS = Set.of(
            "id", "version", "system", "user", "placeholders", "stop", "output_schema_ref");

    private final Map<String, PromptTemplate> templates = new LinkedHashMap<>();

    public PromptTemplates() {
        for (String id : IDS) {
            templates.put(id, load(id));
        }
    }

    public PromptTemplate get(String id) {
        PromptTemplate template = templates.get(id);
        if (template == null) {
            throw new IllegalArgumentException("no prompt template " + id + "; known: " + IDS);
        }
        return template;
    }

    public List<PromptTemplate> all() {
        return List.copyOf(templates.values());
    }

    static PromptTemplate load(String id) {
        String resource = "prompts/" + id + ".yaml";
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt template " + resource + " is missing from the classpath");
            }
            return parse(YAML.readTree(in), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static PromptTemplate parse(JsonNode yaml, String where) {
        if (!(yaml instanceof ObjectNode doc)) {
            throw new IllegalStateException(where + ": a template is a mapping");
        }
        Set<String> present = new TreeSet<>();
        doc.fieldNames().forEachRemaining(present::add);
        if (!present.equals(new TreeSet<>(FIELDS))) {
            throw new IllegalStateException(where + ": fields must be exactly " + new TreeSet<>(FIELDS) + ", found " + present);
        }
        String id = doc.path("id").asText();
        int version = doc.path("version").asInt(-1);
        if (version < 1 || !doc.path("version").isInt()) {
            throw new IllegalStateException(where + ": version must be a positive integer");
        }
        List<String> placeholders = strings(doc.path("placeholders"));
        Set<String> used = new TreeSet<>(PromptTemplate.used(doc.path("system").asText()));
        used.addAll(PromptTemplate.used(doc.path("user").asText()));
        if (!used.equals(new TreeSet<>(placeholders))) {
            throw new IllegalStateException(where + ": placeholders " + placeholders + " but the text uses " + used);
        }
        return new PromptTemplate(id, version, doc.path("system").asText(), doc.path("user").asText(),
                placeholders, strings(doc.path("stop")), doc.path("output_schema_ref").asText(),
                CanonicalJson.sha256(doc));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
