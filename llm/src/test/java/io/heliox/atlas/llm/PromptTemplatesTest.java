package io.heliox.atlas.llm;

import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.llm.prompt.PromptTemplate;
import io.heliox.atlas.llm.prompt.PromptTemplates;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry (roadmap 2.1.3). {@code prompts/templates.lock} pins the checksum of every released
 * (template, version): editing a template without bumping its version fails here, and a new
 * version must be added to the lock (append-only: old lines stay, so old runs stay auditable).
 */
class PromptTemplatesTest {

    private final PromptTemplates templates = new PromptTemplates();

    @Test
    void everyTemplateMatchesItsLockedChecksumForItsVersion() throws IOException {
        Map<String, String> locked = lock();
        for (PromptTemplate t : templates.all()) {
            String key = t.id() + "@" + t.version();
            assertThat(locked).as("templates.lock has no line for %s: after review, append \"%s %d %s\"",
                    key, t.id(), t.version(), t.checksum()).containsKey(key);
            assertThat(t.checksum()).as("%s changed without a version bump: bump version to %d and append \"%s %d <new checksum>\" to templates.lock",
                    key, t.version() + 1, t.id(), t.version() + 1).isEqualTo(locked.get(key));
        }
    }

    @Test
    void theRegistryHasEveryNodeTemplateAndEachOutputSchemaExists() {
        assertThat(templates.all()).extracting(PromptTemplate::id).containsExactlyElementsOf(PromptTemplates.IDS)
                .contains("architect", "synth", "qc_planner", "formal_verifier", "style_qa", "gatekeeper");
        ContractSchemas schemas = new ContractSchemas();
        for (PromptTemplate t : templates.all()) {
            assertThat(t.ref()).matches(t.id() + "@" + t.version() + "#[0-9a-f]{64}");
            if (!t.outputSchemaRef().equals("any")) {
                assertThat(ContractSchemas.resourceText(ContractSchemas.RESOURCE_DIR + t.outputSchemaRef() + ".schema.json"))
                        .as(t.id() + " output schema").isNotBlank();
                schemas.validate(t.outputSchemaRef(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            }
        }
    }

    @Test
    void anEditedTemplateGetsAnotherChecksumAndRenderingFillsEveryPlaceholder() throws IOException {
        PromptTemplate architect = templates.get("architect");
        PromptTemplate.Rendered r = architect.render(Map.of("request", "Create MA crossover strategy"));
        assertThat(r.user()).contains("<<<REQUEST\nCreate MA crossover strategy\nREQUEST>>>").doesNotContain("{{");
        assertThatThrownBy(() -> architect.render(Map.of())).isInstanceOf(IllegalArgumentException.class);

        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("prompts/architect.yaml")) {
            var doc = (com.fasterxml.jackson.databind.node.ObjectNode) yaml.readTree(in);
            doc.put("system", doc.path("system").asText() + " One more rule.");
            assertThat(io.heliox.atlas.kernel.CanonicalJson.sha256(doc)).isNotEqualTo(architect.checksum());
        }
    }

    /** "id version checksum" per line; # comments. */
    private static Map<String, String> lock() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = PromptTemplatesTest.class.getClassLoader().getResourceAsStream("prompts/templates.lock")) {
            assertThat(in).as("prompts/templates.lock").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> parts = List.of(line.trim().split("\\s+"));
                assertThat(out.put(parts.get(0) + "@" + parts.get(1), parts.get(2))).as("duplicate lock line " + line).isNull();
            }
        }
        return out;
    }
}
