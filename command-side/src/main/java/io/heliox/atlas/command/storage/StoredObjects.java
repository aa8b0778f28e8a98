package io.heliox.atlas.command.storage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;

/** An object in storage as run events reference it: {@code {key, sha256, bytes}} (contract storedObject). */
public final class StoredObjects {

    private StoredObjects() {
    }

    public static ObjectNode describe(String key, byte[] bytes) {
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.put("key", key);
        stored.put("sha256", CanonicalJson.sha256(bytes));
        stored.put("bytes", bytes.length);
        return stored;
    }
}
