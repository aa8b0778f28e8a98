package io.heliox.atlas.command.storage;

import io.heliox.atlas.api.artifact.StoredObject;
import io.heliox.atlas.kernel.CanonicalJson;

/** An object in storage as run events reference it: {@code {key, sha256, bytes}} (contract storedObject). */
public final class StoredObjects {

    private StoredObjects() {
    }

    public static StoredObject describe(String key, byte[] bytes) {
        return new StoredObject(key, CanonicalJson.sha256(bytes), bytes.length);
    }
}
