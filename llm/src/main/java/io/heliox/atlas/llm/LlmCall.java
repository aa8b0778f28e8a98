package io.heliox.atlas.llm;

import java.util.List;
import java.util.Objects;

/**
 * One request to a language model, the same for every provider. {@code template}
 * is the prompt template's {@code id@version#checksum}: recorded with the call for audit and
 * replay, and what the local model dispatches on. No tools are ever offered to a model.
 *
 * @param seed null when the caller has none; providers that cannot seed ignore it
 */
public record LlmCall(String modelId, String template, String system, String user, double temperature,
                      int maxTokens, Long seed, List<String> stop) {

    public LlmCall {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** The template id alone ({@code architect} of {@code architect@1#…}). */
    public String templateId() {
        int at = template.indexOf('@');
        return at < 0 ? template : template.substring(0, at);
    }

    public LlmCall withModel(String model) {
        return new LlmCall(model, template, system, user, temperature, maxTokens, seed, stop);
    }
}
