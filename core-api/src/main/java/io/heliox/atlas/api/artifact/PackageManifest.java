package io.heliox.atlas.api.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.heliox.atlas.api.artifact.JsonFields.integer;
import static io.heliox.atlas.api.artifact.JsonFields.longValue;
import static io.heliox.atlas.api.artifact.JsonFields.number;
import static io.heliox.atlas.api.artifact.JsonFields.putStrings;
import static io.heliox.atlas.api.artifact.JsonFields.requiredText;
import static io.heliox.atlas.api.artifact.JsonFields.strings;
import static io.heliox.atlas.api.artifact.JsonFields.text;

/**
 * The manifest of a strategy package (contract {@code pack-manifest}): which strategy, the hash
 * of its compiled IR, the engine that tested it, where it came from (run, seed, rank, score,
 * prompt templates, scenarios) and, once written, the package writer's members: the format, the
 * sha256 of every file, the content hash and the signature.
 *
 * <p>{@link #members()} is what the product hands the package writer; the writer adds the rest.
 * {@link #toJson()} writes the product's members first and the writer's after them, the order a
 * freshly written manifest has always had. (The package file holds its manifest as canonical
 * JSON, so a manifest read back from a file has sorted members; the signature covers the canonical
 * form, so the order never matters to a verifier.)
 *
 * @param seed, runId, rank, score, templateVersions null when the package does not come from a run
 *                                                    (mock-mode packs state no rank)
 * @param format, files, contentHash, signature       null until the package is written
 */
public record PackageManifest(String packageId, String strategyId, String irHash, String engineVersion,
                              String createdAt, Long seed, String runId, Integer rank, Double score,
                              Map<String, String> templateVersions, List<String> scenarios,
                              String format, List<FileEntry> files, String contentHash, Signature signature) {

    /** One file of the package: its path inside it, its sha256 and its size. */
    public record FileEntry(String path, String sha256, long bytes) {

        static FileEntry of(JsonNode json) {
            return new FileEntry(requiredText(json, "path"), requiredText(json, "sha256"), json.path("bytes").asLong());
        }

        ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("path", path);
            node.put("sha256", sha256);
            node.put("bytes", bytes);
            return node;
        }
    }

    /** The Ed25519 signature over the canonical JSON of the manifest without it. */
    public record Signature(String alg, String publicKeyId, String value) {

        static Signature of(JsonNode json) {
            return new Signature(text(json, "alg"), text(json, "publicKeyId"), text(json, "value"));
        }

        ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("alg", alg);
            node.put("publicKeyId", publicKeyId);
            node.put("value", value);
            return node;
        }
    }

    public PackageManifest {
        templateVersions = templateVersions == null ? null : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(templateVersions));
        scenarios = scenarios == null ? null : List.copyOf(scenarios);
        files = files == null ? null : List.copyOf(files);
    }

    /** What the product states about a package before it is written. */
    public static PackageManifest unwritten(String packageId, String strategyId, String irHash, String engineVersion,
                                            String createdAt, Long seed, String runId, Integer rank, Double score,
                                            Map<String, String> templateVersions, List<String> scenarios) {
        return new PackageManifest(packageId, strategyId, irHash, engineVersion, createdAt, seed, runId, rank, score,
                templateVersions, scenarios, null, null, null, null);
    }

    public static PackageManifest of(JsonNode json) {
        Map<String, String> templates = null;
        JsonNode templateNode = json.get("templateVersions");
        if (templateNode != null && templateNode.isObject()) {
            Map<String, String> read = new LinkedHashMap<>();
            templateNode.fields().forEachRemaining(e -> read.put(e.getKey(), e.getValue().asText()));
            templates = read;
        }
        JsonNode signature = json.get("signature");
        return new PackageManifest(requiredText(json, "packageId"), requiredText(json, "strategyId"),
                requiredText(json, "irHash"), text(json, "engineVersion"), text(json, "createdAt"),
                longValue(json, "seed"), text(json, "runId"), integer(json, "rank"), number(json, "score"), templates,
                strings(json, "scenarios"), text(json, "format"),
                json.has("files") ? T0Artifact.list(json.get("files"), FileEntry::of) : null,
                text(json, "contentHash"), signature == null || !signature.isObject() ? null : Signature.of(signature));
    }

    /** The product's members: what the package writer is given (it computes the others). */
    public ObjectNode members() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("packageId", packageId);
        node.put("strategyId", strategyId);
        node.put("irHash", irHash);
        node.put("engineVersion", engineVersion);
        node.put("createdAt", createdAt);
        if (seed != null) {
            node.put("seed", seed);
        }
        if (runId != null) {
            node.put("runId", runId);
        }
        if (rank != null) {
            node.put("rank", rank);
        }
        if (score != null) {
            node.put("score", score);
        }
        if (templateVersions != null) {
            ObjectNode templates = node.putObject("templateVersions");
            templateVersions.forEach(templates::put);
        }
        putStrings(node, "scenarios", scenarios);
        return node;
    }

    public ObjectNode toJson() {
        ObjectNode node = members();
        if (format != null) {
            node.put("format", format);
        }
        if (files != null) {
            ArrayNode list = node.putArray("files");
            files.forEach(f -> list.add(f.toJson()));
        }
        if (contentHash != null) {
            node.put("contentHash", contentHash);
        }
        if (signature != null) {
            node.set("signature", signature.toJson());
        }
        return node;
    }

    /** This manifest with the files it lists (mock mode lists them itself; it writes no package). */
    public PackageManifest withFiles(List<FileEntry> entries) {
        return new PackageManifest(packageId, strategyId, irHash, engineVersion, createdAt, seed, runId, rank, score,
                templateVersions, scenarios, format, entries, contentHash, signature);
    }
}
