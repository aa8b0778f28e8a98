package io.heliox.atlas.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Remote answers kept by (template, model, prompt hash, seed) so a run on a remote model can be
 * reproduced: asking again with the same inputs returns the recorded answer instead of a new
 * (non-deterministic, paid) one. The application keeps it in object storage
 * ({@code ObjectStoreReplayCache} on the command side).
 * The local model needs none: it is deterministic by construction.
 */
public interface ReplayCache {

    Optional<LlmReply> find(String key);

    void save(String key, LlmReply reply);

    ReplayCache NONE = new ReplayCache() {
        @Override
        public Optional<LlmReply> find(String key) {
            return Optional.empty();
        }

        @Override
        public void save(String key, LlmReply reply) {
            // nothing kept
        }
    };

    /** sha256 over the canonical JSON of everything that decides an answer. */
    static String key(LlmCall call) {
        ObjectNode k = new ObjectMapper().createObjectNode();
        k.put("template", call.template());
        k.put("model", call.modelId());
        k.put("prompt_sha256", CanonicalJson.sha256((call.system() + "\u0000" + call.user()).getBytes(StandardCharsets.UTF_8)));
        if (call.seed() == null) {
            k.putNull("seed");
        } else {
            k.put("seed", call.seed());
        }
        k.put("temperature", call.temperature());
        k.put("max_tokens", call.maxTokens());
        return CanonicalJson.sha256(k);
    }
}
