package io.heliox.atlas.packaging;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HSP strategy package format, version {@value #FORMAT}: the constants and the few rules that
 * the writer and the verifier must agree on, kept in one place so they cannot drift apart.
 *
 * <p>A package is one zstd frame holding a tar ({@value #MANIFEST_PATH} first, then the files)
 * followed by a zstd skippable frame holding the signed trailer. Standard zstd tools skip the
 * trailer, so {@code zstd -d pkg.hsp | tar t} lists a package; the trailer signs every byte
 * before it, so nothing in the payload can change unnoticed.
 */
public final class HspPackage {

    /** The media type of a package file ({@code .hsp}). */
    public static final String MEDIA_TYPE = "application/vnd.heliox.hsp";


    /** The {@code format} member of every manifest. */
    public static final String FORMAT = "hsp/1";

    /** The first tar entry: the manifest, as canonical JSON. */
    public static final String MANIFEST_PATH = "manifest.json";

    /** The only signature algorithm: deterministic, so the same input gives the same package bytes. */
    public static final String SIGNATURE_ALG = "Ed25519";

    /** Longest file path, as in the pack-manifest schema. */
    public static final int MAX_PATH_LENGTH = 255;

    /** Ed25519 signatures are always 64 bytes. */
    static final int SIGNATURE_BYTES = 64;

    /**
     * Relative paths only: no leading slash, no empty segment, no segment starting with a dot (so
     * no {@code ..} and no hidden files); the same pattern as the pack-manifest schema.
     */
    private static final Pattern PATH = Pattern.compile(
            "[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    /**
     * Strict on purpose: a duplicate member or trailing garbage would let two different byte
     * strings mean the same manifest, and the signature is over the bytes.
     */
    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private HspPackage() {
    }

    /** Whether {@code path} may name a file inside a package. */
    public static boolean isValidPath(String path) {
        return path != null && !path.isEmpty() && path.length() <= MAX_PATH_LENGTH && PATH.matcher(path).matches();
    }

    /** The shared JSON mapper (thread-safe once built). */
    static JsonMapper json() {
        return STRICT_JSON;
    }

    /**
     * The JSON object in {@code bytes}, if they are exactly its canonical encoding. Requiring the
     * canonical bytes makes every byte significant: no whitespace, escape or member order can be
     * varied without the package being refused.
     */
    static Optional<ObjectNode> readCanonicalObject(byte[] bytes) {
        try {
            JsonNode node = STRICT_JSON.readTree(bytes);
            if (node instanceof ObjectNode object && Arrays.equals(CanonicalJson.bytes(object), bytes)) {
                return Optional.of(object);
            }
            return Optional.empty();
        } catch (Exception e) { // not JSON, or not canonicalisable (a non-finite or too large number)
            return Optional.empty();
        }
    }

    /**
     * The signature bytes of a base64 {@code value}, if it is the one canonical spelling of 64
     * bytes. A lenient decoder ignores the unused low bits of the last character, so several
     * strings would decode to the same signature; re-encoding closes that gap.
     */
    static Optional<byte[]> decodeSignature(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            byte[] signature = Base64.getDecoder().decode(value);
            if (signature.length == SIGNATURE_BYTES && Base64.getEncoder().encodeToString(signature).equals(value)) {
                return Optional.of(signature);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
