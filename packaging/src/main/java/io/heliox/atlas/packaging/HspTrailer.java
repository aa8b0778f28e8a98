package io.heliox.atlas.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import static io.heliox.atlas.packaging.HspVerifier.Problem.TRAILER_MALFORMED;

/**
 * The signed trailer: the canonical JSON
 * {@code {"alg":"Ed25519","payloadSha256":…,"publicKeyId":…,"value":…}} in a zstd skippable frame
 * after the payload, {@code value} being the base64 signature of every payload byte. Signing the
 * compressed bytes rather than the files means the verifier authenticates before it decompresses.
 *
 * <p>Parsing is strict (exactly these members, canonical bytes, canonical base64), so that no
 * byte of the trailer can change without the package being refused.
 */
record HspTrailer(String alg, String publicKeyId, String payloadSha256, String value) {

    private static final Set<String> MEMBERS = Set.of("alg", "publicKeyId", "payloadSha256", "value");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The trailer frame for {@code payload}, signed by {@code keys}. */
    static byte[] seal(byte[] payload, PackageSigningKeys keys) {
        return new HspTrailer(HspPackage.SIGNATURE_ALG, keys.keyId(), CanonicalJson.sha256(payload),
                Base64.getEncoder().encodeToString(keys.sign(payload))).frame();
    }

    /** This trailer as a skippable frame: magic, content length, canonical JSON (all lengths little-endian). */
    byte[] frame() {
        byte[] content = CanonicalJson.bytes(toJson());
        return ByteBuffer.allocate(8 + content.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(ZstdFrames.TRAILER_MAGIC).putInt(content.length).put(content).array();
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("alg", alg);
        json.put("publicKeyId", publicKeyId);
        json.put("payloadSha256", payloadSha256);
        json.put("value", value);
        return json;
    }

    /** The signature bytes ({@link #parse} has checked that {@code value} decodes). */
    byte[] signature() {
        return HspPackage.decodeSignature(value).orElseThrow();
    }

    static HspTrailer parse(byte[] content) throws FatalProblem {
        ObjectNode json = HspPackage.readCanonicalObject(content).orElseThrow(() -> malformed(
                "the signature trailer is not a canonical JSON object"));
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw malformed("the signature trailer has an unknown member '" + name + "'");
            }
        }
        HspTrailer trailer = new HspTrailer(text(json, "alg"), text(json, "publicKeyId"),
                text(json, "payloadSha256"), text(json, "value"));
        if (!HspPackage.SIGNATURE_ALG.equals(trailer.alg)) {
            throw malformed("the signature trailer's alg is not " + HspPackage.SIGNATURE_ALG);
        }
        if (!SHA256.matcher(trailer.payloadSha256).matches()) {
            throw malformed("the signature trailer's payloadSha256 is not 64 lower-case hex digits");
        }
        if (HspPackage.decodeSignature(trailer.value).isEmpty()) {
            throw malformed("the signature trailer's value is not the canonical base64 of 64 bytes");
        }
        return trailer;
    }

    private static String text(ObjectNode json, String name) throws FatalProblem {
        JsonNode node = json.get(name);
        if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
            throw malformed("the signature trailer has no " + name);
        }
        return node.textValue();
    }

    private static FatalProblem malformed(String message) {
        return new FatalProblem(TRAILER_MALFORMED, message);
    }
}
