package io.heliox.atlas.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies HSP packages, cheapest and most fundamental check first:
 * <ol>
 *   <li>frame layout (one zstd frame, then the trailer), found from headers only;</li>
 *   <li>the trailer: strict canonical JSON, a known key, a valid signature over the payload
 *       bytes, the payload's sha256: so nothing unauthenticated is ever decompressed;</li>
 *   <li>decompression and tar reading under an unpacked-size budget (zip-bomb guard);</li>
 *   <li>the manifest (first entry, canonical, signed), the content hash, every file's path,
 *       sha256 and size, missing and unexpected files.</li>
 * </ol>
 * Steps 1–3 stop at the first problem (what follows would check meaningless bytes); step 4
 * collects every problem it finds. {@link #verify} never throws on any input: a decoder's
 * exception is reported as {@link Problem#CORRUPT}.
 */
public final class HspVerifier {

    /** A finding; {@code code} is one of the constants here, {@code message} says what and where. */
    public record Problem(String code, String message) {

        /** The package ends inside a frame (or is empty). */
        public static final String TRUNCATED = "package.truncated";
        /** Nothing follows the zstd frame: the package was never signed (or its trailer was cut off whole). */
        public static final String NO_SIGNATURE = "package.no_signature";
        /** The trailer is not exactly the canonical JSON of {alg, publicKeyId, payloadSha256, value}. */
        public static final String TRAILER_MALFORMED = "package.trailer_malformed";
        /** No public key is known for a signature's key id (trailer or manifest). */
        public static final String UNKNOWN_KEY = "package.unknown_key";
        /** The trailer's signature does not verify over the payload bytes. */
        public static final String BAD_SIGNATURE = "package.bad_signature";
        /** The trailer's payloadSha256 is not the payload's sha256 (a signed but wrong trailer). */
        public static final String PAYLOAD_HASH = "package.payload_hash";
        /** zstd or tar decoding failed, data follows the frame or the archive, or there is more than one zstd frame. */
        public static final String CORRUPT = "package.corrupt";
        /** The payload unpacks to more than the verifier's budget. */
        public static final String TOO_LARGE = "package.too_large";
        /** The first tar entry is not the regular file manifest.json. */
        public static final String MANIFEST_MISSING = "package.manifest_missing";
        /**
         * manifest.json is not the canonical JSON of an hsp/1 manifest with a readable files
         * list (a code beyond the brief's list: such a manifest has no signature to check).
         */
        public static final String MANIFEST_MALFORMED = "package.manifest_malformed";
        /** The manifest's signature is missing, malformed, or does not verify. */
        public static final String MANIFEST_SIGNATURE = "package.manifest_signature";
        /** A file the manifest lists is not in the package. */
        public static final String FILE_MISSING = "package.file_missing";
        /** The package holds a file the manifest does not list. */
        public static final String FILE_UNEXPECTED = "package.file_unexpected";
        /** A file's sha256 or byte count differs from the manifest's. */
        public static final String FILE_HASH = "package.file_hash";
        /** The manifest's contentHash is not the sha256 of its canonical files list. */
        public static final String CONTENT_HASH = "package.content_hash";
        /** A bad path (manifest or tar), a duplicate, or a tar entry that is not a regular file. */
        public static final String UNSAFE_PATH = "package.unsafe_path";
    }

    /**
     * The outcome: valid exactly when there are no problems. {@code manifest} is the parsed
     * manifest when it could be read (also when invalid: it helps to say what the package claims
     * to be), else null; {@code keyId} the trailer's key id when the trailer could be read, else null.
     */
    public record Verification(boolean valid, List<Problem> problems, ObjectNode manifest, String keyId) {
    }

    /** A package's manifest and files (in archive order, without manifest.json). */
    public record Unpacked(ObjectNode manifest, Map<String, byte[]> files) {
    }

    private final Function<String, Optional<String>> publicKeyById;
    private final long maxUnpackedBytes;

    /**
     * @param publicKeyById    the X.509 base64 public key for a key id, if it is trusted
     * @param maxUnpackedBytes budget for the decompressed tar, the zip-bomb guard
     */
    public HspVerifier(Function<String, Optional<String>> publicKeyById, long maxUnpackedBytes) {
        if (maxUnpackedBytes <= 0) {
            throw new IllegalArgumentException("maxUnpackedBytes must be positive");
        }
        this.publicKeyById = Objects.requireNonNull(publicKeyById, "publicKeyById");
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    public Verification verify(byte[] packageBytes) {
        Run run = new Run();
        try {
            run.verify(packageBytes == null ? new byte[0] : packageBytes);
        } catch (FatalProblem fatal) {
            run.problems.add(fatal.problem());
        } catch (RuntimeException e) { // defence in depth: every decoder path already reports CORRUPT itself
            run.problems.add(new Problem(Problem.CORRUPT, "verification failed: " + e));
        }
        return new Verification(run.problems.isEmpty(), List.copyOf(run.problems), run.manifest, run.keyId);
    }

    /**
     * The manifest and files of a package, for a caller that has {@link #verify verified} it:
     * this checks only that the package decodes (and stays within {@code maxUnpackedBytes}),
     * not any signature or hash.
     *
     * @throws IllegalArgumentException if the package does not decode; the message starts with the problem code
     */
    public static Unpacked unpack(byte[] packageBytes, long maxUnpackedBytes) {
        try {
            ZstdFrames.Layout layout = ZstdFrames.split(packageBytes);
            List<PayloadReader.Entry> entries = PayloadReader.read(packageBytes, layout.payloadEnd(), maxUnpackedBytes, true);
            ObjectNode manifest = HspManifest.parse(manifestEntry(entries).bytes());
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (PayloadReader.Entry entry : entries.subList(1, entries.size())) {
                if (!entry.regular() || !HspPackage.isValidPath(entry.name()) || entry.name().equals(HspPackage.MANIFEST_PATH)
                        || files.putIfAbsent(entry.name(), entry.bytes()) != null) {
                    throw new FatalProblem(Problem.UNSAFE_PATH, "unsafe or duplicate tar entry '" + entry.name() + "'");
                }
            }
            return new Unpacked(manifest, Collections.unmodifiableMap(files));
        } catch (FatalProblem fatal) {
            throw new IllegalArgumentException(fatal.code() + ": " + fatal.getMessage());
        }
    }

    private static PayloadReader.Entry manifestEntry(List<PayloadReader.Entry> entries) throws FatalProblem {
        if (entries.isEmpty() || !entries.get(0).regular() || !entries.get(0).name().equals(HspPackage.MANIFEST_PATH)) {
            throw new FatalProblem(Problem.MANIFEST_MISSING, "the first tar entry is not " + HspPackage.MANIFEST_PATH);
        }
        return entries.get(0);
    }

    /** The state of one verification. */
    private final class Run {

        final List<Problem> problems = new ArrayList<>();
        ObjectNode manifest;
        String keyId;

        void verify(byte[] bytes) throws FatalProblem {
            ZstdFrames.Layout layout = ZstdFrames.split(bytes);
            HspTrailer trailer = HspTrailer.parse(Arrays.copyOfRange(bytes, layout.trailerStart(), layout.trailerEnd()));
            keyId = trailer.publicKeyId();
            String publicKey = publicKey(keyId)
                    .orElseThrow(() -> new FatalProblem(Problem.UNKNOWN_KEY, "no public key for '" + keyId + "'"));
            byte[] payload = Arrays.copyOf(bytes, layout.payloadEnd());
            if (!PackageSigningKeys.verify(publicKey, payload, trailer.signature())) {
                throw new FatalProblem(Problem.BAD_SIGNATURE, "the trailer's signature does not verify over the payload");
            }
            if (!CanonicalJson.sha256(payload).equals(trailer.payloadSha256())) {
                throw new FatalProblem(Problem.PAYLOAD_HASH, "the trailer's payloadSha256 is not the payload's sha256");
            }
            List<PayloadReader.Entry> entries = PayloadReader.read(bytes, layout.payloadEnd(), maxUnpackedBytes, false);
            manifest = HspManifest.parse(manifestEntry(entries).bytes());
            checkManifestSignature();
            List<HspManifest.DeclaredFile> declared = HspManifest.declaredFiles(manifest);
            checkContentHash();
            checkFiles(declared, entries.subList(1, entries.size()));
        }

        private void checkManifestSignature() {
            JsonNode signature = manifest.get("signature");
            if (!HspManifest.wellFormedSignature(signature)) {
                problem(Problem.MANIFEST_SIGNATURE, "the manifest's signature is missing or malformed");
                return;
            }
            String id = signature.get("publicKeyId").textValue();
            Optional<String> publicKey = publicKey(id);
            if (publicKey.isEmpty()) {
                problem(Problem.UNKNOWN_KEY, "no public key for the manifest's signer '" + id + "'");
            } else if (!PackageSigningKeys.verify(publicKey.get(), HspManifest.signedBytes(manifest),
                    HspPackage.decodeSignature(signature.get("value").textValue()).orElseThrow())) {
                problem(Problem.MANIFEST_SIGNATURE, "the manifest's signature does not verify");
            }
        }

        private void checkContentHash() {
            JsonNode contentHash = manifest.get("contentHash");
            if (contentHash == null || !HspManifest.contentHash(manifest.get("files")).equals(contentHash.textValue())) {
                problem(Problem.CONTENT_HASH, "contentHash is not the sha256 of the canonical files list");
            }
        }

        private void checkFiles(List<HspManifest.DeclaredFile> declared, List<PayloadReader.Entry> entries) {
            Map<String, HspManifest.DeclaredFile> byPath = new LinkedHashMap<>();
            for (HspManifest.DeclaredFile file : declared) {
                if (!HspPackage.isValidPath(file.path()) || file.path().equals(HspPackage.MANIFEST_PATH)) {
                    problem(Problem.UNSAFE_PATH, "the manifest lists an unsafe path '" + file.path() + "'");
                } else if (byPath.putIfAbsent(file.path(), file) != null) {
                    problem(Problem.UNSAFE_PATH, "the manifest lists '" + file.path() + "' twice");
                }
            }
            Set<String> seen = new HashSet<>(Set.of(HspPackage.MANIFEST_PATH));
            for (PayloadReader.Entry entry : entries) {
                if (!entry.regular()) {
                    problem(Problem.UNSAFE_PATH, "tar entry '" + entry.name() + "' is not a regular file");
                } else if (!HspPackage.isValidPath(entry.name())) {
                    problem(Problem.UNSAFE_PATH, "tar entry '" + entry.name() + "' has an unsafe path");
                } else if (!seen.add(entry.name())) {
                    problem(Problem.UNSAFE_PATH, "tar entry '" + entry.name() + "' occurs twice");
                } else {
                    HspManifest.DeclaredFile file = byPath.get(entry.name());
                    if (file == null) {
                        problem(Problem.FILE_UNEXPECTED, "'" + entry.name() + "' is not in the manifest");
                    } else if (file.bytes() != entry.size() || !file.sha256().equals(entry.sha256())) {
                        problem(Problem.FILE_HASH, "'" + entry.name() + "' differs from the manifest (sha256 or size)");
                    }
                }
            }
            for (String path : byPath.keySet()) {
                if (!seen.contains(path)) {
                    problem(Problem.FILE_MISSING, "'" + path + "' is in the manifest but not in the package");
                }
            }
        }

        /** The key for an id; a lookup that fails counts as unknown (verify never throws). */
        private Optional<String> publicKey(String id) {
            try {
                Optional<String> key = publicKeyById.apply(id);
                return key == null ? Optional.empty() : key;
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private void problem(String code, String message) {
            problems.add(new Problem(code, message));
        }
    }
}
