package io.heliox.atlas.web;

import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded object store, through the real S3 protocol (MinIO client → S3Proxy on loopback). */
class ObjectStoreTest extends AtlasIntegrationTest {

    @Autowired
    private ObjectStore store;

    @Test
    void objectsRoundTripAndMissingOnesAreEmpty() {
        String key = "test/" + UUID.randomUUID() + "/hello.json";
        assertThat(store.exists(key)).isFalse();
        assertThat(store.get(key)).isEmpty();

        byte[] content = "{\"hello\":\"wörld 📈\"}".getBytes(StandardCharsets.UTF_8);
        store.put(key, content, "application/json");

        assertThat(store.exists(key)).isTrue();
        assertThat(store.get(key)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
        String folder = key.substring(0, key.lastIndexOf('/') + 1);
        store.put(folder + "a/b.txt", new byte[] {1}, "text/plain");
        assertThat(store.list(folder)).containsExactly(folder + "a/b.txt", key);
    }

    @Test
    void largeBinaryObjectsSurviveIntact() {
        byte[] content = new byte[3 * 1024 * 1024 + 7];
        new java.util.SplittableRandom(1).nextBytes(content);
        String key = "test/" + UUID.randomUUID() + "/blob.bin";
        store.put(key, content, "application/octet-stream");
        assertThat(store.get(key)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void llmAnswersAreRecordedAndReplayedThroughTheObjectStore() {
        var cache = new io.heliox.atlas.command.storage.ObjectStoreReplayCache(store);
        var call = new io.heliox.atlas.llm.LlmCall("gpt-4o-mini", "architect@1#" + "0".repeat(64), "sys", "user",
                0.2, 500, 7L, java.util.List.of());
        String key = io.heliox.atlas.llm.ReplayCache.key(call);
        assertThat(cache.find(key)).isEmpty();
        var reply = new io.heliox.atlas.llm.LlmReply("gpt-4o-mini", "{\"a\":1}",
                io.heliox.atlas.llm.LlmReply.FinishReason.LENGTH, new io.heliox.atlas.llm.LlmReply.Usage(12, 3), "openai");
        cache.save(key, reply);
        assertThat(cache.find(key)).contains(reply);
        assertThat(store.exists("llm-replay/" + key + ".json")).isTrue();
    }
}
