package io.heliox.atlas.api.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An object in storage as an artifact references it (contract {@code storedObject}). */
public record StoredObject(String key, String sha256, long bytes) {

    public static StoredObject of(JsonNode json) {
        return new StoredObject(JsonFields.requiredText(json, "key"), JsonFields.requiredText(json, "sha256"),
                json.path("bytes").asLong());
    }

    /** The member {@code field} of {@code artifact}, or null when it has none (mock mode stores nothing). */
    static StoredObject in(JsonNode artifact, String field) {
        JsonNode json = artifact.get(field);
        return json == null || !json.isObject() ? null : of(json);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("key", key);
        node.put("sha256", sha256);
        node.put("bytes", bytes);
        return node;
    }
}
