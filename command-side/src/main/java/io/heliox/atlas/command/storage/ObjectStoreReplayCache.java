package io.heliox.atlas.command.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;
import io.heliox.atlas.llm.LlmReply;
import io.heliox.atlas.llm.ReplayCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The LLM replay cache kept in object storage, one canonical JSON file per answer under
 * {@code llm-replay/{key}.json}, so every node of a cluster replays the same recorded answers.
 */
public final class ObjectStoreReplayCache implements ReplayCache {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectStore store;

    public ObjectStoreReplayCache(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Optional<LlmReply> find(String key) {
        return store.get(path(key)).map(bytes -> {
            try {
                JsonNode n = JSON.readTree(bytes);
                return new LlmReply(n.path("model").asText(), n.path("content").asText(),
                        LlmReply.FinishReason.valueOf(n.path("finish").asText()),
                        new LlmReply.Usage(n.path("prompt_tokens").asInt(), n.path("completion_tokens").asInt()),
                        n.path("provider").asText("")); // "" in entries saved before replies named their provider
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable replay entry " + key, e);
            }
        });
    }

    @Override
    public void save(String key, LlmReply reply) {
        ObjectNode n = JSON.createObjectNode();
        n.put("model", reply.modelId());
        n.put("provider", reply.provider());
        n.put("content", reply.content());
        n.put("finish", reply.finishReason().name());
        n.put("prompt_tokens", reply.usage().prompt());
        n.put("completion_tokens", reply.usage().completion());
        store.put(path(key), CanonicalJson.bytes(n), "application/json");
    }

    private static String path(String key) {
        return "llm-replay/" + key + ".json";
    }
}
