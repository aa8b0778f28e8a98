package io.heliox.atlas.command.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.kernel.CanonicalJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Remote answers kept by (template, model, prompt hash, seed) so a run on a remote model can be
 * reproduced: asking again with the same inputs returns the recorded answer instead of a new
 * (non-deterministic, paid) one. Stored in object storage under {@code llm-replay/{key}.json}.
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

    /** The replay cache in object storage. */
    static ReplayCache in(ObjectStore store) {
        ObjectMapper json = new ObjectMapper();
        return new ReplayCache() {
            @Override
            public Optional<LlmReply> find(String key) {
                return store.get(path(key)).map(bytes -> {
                    try {
                        JsonNode n = json.readTree(bytes);
                        return new LlmReply(n.path("model").asText(), n.path("content").asText(),
                                LlmReply.FinishReason.valueOf(n.path("finish").asText()),
                                new LlmReply.Usage(n.path("prompt_tokens").asInt(), n.path("completion_tokens").asInt()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("unreadable replay entry " + key, e);
                    }
                });
            }

            @Override
            public void save(String key, LlmReply reply) {
                ObjectNode n = json.createObjectNode();
                n.put("model", reply.modelId());
                n.put("content", reply.content());
                n.put("finish", reply.finishReason().name());
                n.put("prompt_tokens", reply.usage().prompt());
                n.put("completion_tokens", reply.usage().completion());
                store.put(path(key), CanonicalJson.bytes(n), "application/json");
            }

            private String path(String key) {
                return "llm-replay/" + key + ".json";
            }
        };
    }
}
