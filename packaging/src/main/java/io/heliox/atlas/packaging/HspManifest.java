package io.heliox.atlas.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static io.heliox.atlas.packaging.HspVerifier.Problem.MANIFEST_MALFORMED;

/**
 * Building and reading the manifest: the caller's members plus {@code format}, {@code files}
 * (path, sha256, bytes of each file), {@code contentHash} and {@code signature}.
 *
 * <p>{@code contentHash} digests only the {@code files} list, so two packages with the same files
 * share it whatever else differs (creation time, run). The signature covers the canonical JSON
 * of the whole manifest except the signature itself, so the manifest stays checkable on its own,
 * apart from the trailer that signs the package bytes.
 */
final class HspManifest {

    /** One entry of the manifest's {@code files}. */
    record DeclaredFile(String path, String sha256, long bytes) {
    }

    private static final Set<String> FILE_MEMBERS = Set.of("path", "sha256", "bytes");
    private static final Set<String> SIGNATURE_MEMBERS = Set.of("alg", "publicKeyId", "value");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private HspManifest() {
    }

    /** The complete, signed manifest for {@code content}. */
    static ObjectNode build(PackageContent content, PackageSigningKeys keys) {
        ArrayNode files = JsonNodeFactory.instance.arrayNode();
        for (PackageFile file : content.files()) {
            byte[] bytes = file.bytesUnsafe();
            files.addObject()
                    .put("path", file.path())
                    .put("sha256", CanonicalJson.sha256(bytes))
                    .put("bytes", bytes.length);
        }
        ObjectNode manifest = content.manifestFieldsUnsafe().deepCopy();
        manifest.put("format", HspPackage.FORMAT);
        manifest.set("files", files);
        manifest.put("contentHash", contentHash(files));
        manifest.set("signature", JsonNodeFactory.instance.objectNode()
                .put("alg", HspPackage.SIGNATURE_ALG)
                .put("publicKeyId", keys.keyId())
                .put("value", Base64.getEncoder().encodeToString(keys.sign(signedBytes(manifest)))));
        return manifest;
    }

    /** sha256 of the canonical JSON of the {@code files} list. */
    static String contentHash(JsonNode files) {
        return CanonicalJson.sha256(files);
    }

    /** What the manifest signature signs: the canonical JSON of the manifest without {@code signature}. */
    static byte[] signedBytes(ObjectNode manifest) {
        ObjectNode unsigned = manifest.deepCopy();
        unsigned.remove("signature");
        return CanonicalJson.bytes(unsigned);
    }

    /** The manifest in {@code bytes}: canonical JSON, an object, format {@value HspPackage#FORMAT}. */
    static ObjectNode parse(byte[] bytes) throws FatalProblem {
        ObjectNode manifest = HspPackage.readCanonicalObject(bytes)
                .orElseThrow(() -> malformed("manifest.json is not a canonical JSON object"));
        if (!HspPackage.FORMAT.equals(manifest.path("format").textValue())) {
            throw malformed("manifest format is not " + HspPackage.FORMAT);
        }
        return manifest;
    }

    /** The declared files; their paths are returned as written, for the verifier to judge. */
    static List<DeclaredFile> declaredFiles(ObjectNode manifest) throws FatalProblem {
        JsonNode files = manifest.get("files");
        if (files == null || !files.isArray()) {
            throw malformed("manifest has no files list");
        }
        List<DeclaredFile> declared = new ArrayList<>();
        for (JsonNode file : files) {
            if (!file.isObject() || !hasExactly(file, FILE_MEMBERS) || !file.get("path").isTextual()
                    || !file.get("sha256").isTextual() || !SHA256.matcher(file.get("sha256").textValue()).matches()
                    || !file.get("bytes").isIntegralNumber() || !file.get("bytes").canConvertToLong()
                    || file.get("bytes").longValue() < 0) {
                throw malformed("manifest files[" + declared.size() + "] is not {path, sha256, bytes}");
            }
            declared.add(new DeclaredFile(file.get("path").textValue(), file.get("sha256").textValue(),
                    file.get("bytes").longValue()));
        }
        return declared;
    }

    /** Whether {@code signature} has the shape {alg: Ed25519, publicKeyId, value: canonical base64}. */
    static boolean wellFormedSignature(JsonNode signature) {
        return signature != null && signature.isObject() && hasExactly(signature, SIGNATURE_MEMBERS)
                && HspPackage.SIGNATURE_ALG.equals(signature.get("alg").textValue())
                && signature.get("publicKeyId").isTextual()
                && HspPackage.decodeSignature(signature.get("value").textValue()).isPresent();
    }

    private static boolean hasExactly(JsonNode object, Set<String> members) {
        if (object.size() != members.size()) {
            return false;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (!members.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static FatalProblem malformed(String message) {
        return new FatalProblem(MANIFEST_MALFORMED, message);
    }
}
