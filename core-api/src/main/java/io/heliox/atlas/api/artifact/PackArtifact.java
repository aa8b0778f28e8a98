package io.heliox.atlas.api.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pack phase's artifact: the best-ranked candidate's package manifest, where to download the
 * package and where it is stored.
 *
 * @param stored null in mock mode, which writes no package
 */
public record PackArtifact(PackageManifest manifest, String downloadUrl, StoredObject stored) {

    public static PackArtifact of(JsonNode json) {
        return new PackArtifact(PackageManifest.of(json.path("manifest")), JsonFields.text(json, "downloadUrl"),
                StoredObject.in(json, "stored"));
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("manifest", manifest.toJson());
        node.put("downloadUrl", downloadUrl);
        if (stored != null) {
            node.set("stored", stored.toJson());
        }
        return node;
    }
}
