package io.heliox.atlas.packaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import io.heliox.atlas.kernel.CanonicalJson;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static io.heliox.atlas.packaging.HspFixtures.entry;
import static io.heliox.atlas.packaging.HspFixtures.sealed;
import static io.heliox.atlas.packaging.HspVerifier.Problem.BAD_SIGNATURE;
import static io.heliox.atlas.packaging.HspVerifier.Problem.CONTENT_HASH;
import static io.heliox.atlas.packaging.HspVerifier.Problem.CORRUPT;
import static io.heliox.atlas.packaging.HspVerifier.Problem.FILE_HASH;
import static io.heliox.atlas.packaging.HspVerifier.Problem.FILE_MISSING;
import static io.heliox.atlas.packaging.HspVerifier.Problem.FILE_UNEXPECTED;
import static io.heliox.atlas.packaging.HspVerifier.Problem.MANIFEST_MALFORMED;
import static io.heliox.atlas.packaging.HspVerifier.Problem.MANIFEST_MISSING;
import static io.heliox.atlas.packaging.HspVerifier.Problem.MANIFEST_SIGNATURE;
import static io.heliox.atlas.packaging.HspVerifier.Problem.NO_SIGNATURE;
import static io.heliox.atlas.packaging.HspVerifier.Problem.PAYLOAD_HASH;
import static io.heliox.atlas.packaging.HspVerifier.Problem.TOO_LARGE;
import static io.heliox.atlas.packaging.HspVerifier.Problem.TRAILER_MALFORMED;
import static io.heliox.atlas.packaging.HspVerifier.Problem.TRUNCATED;
import static io.heliox.atlas.packaging.HspVerifier.Problem.UNKNOWN_KEY;
import static io.heliox.atlas.packaging.HspVerifier.Problem.UNSAFE_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HspVerifierTest {

    private static final PackageSigningKeys KEYS = HspFixtures.newKeys();
    private static final PackageSigningKeys OTHER_KEYS = HspFixtures.newKeys();
    private static final HspWriter.Written PACKAGE = HspWriter.write(HspFixtures.realisticContent(), KEYS);
    private static final HspVerifier VERIFIER = HspFixtures.verifier(KEYS);

    // ---- tampering with signed bytes -------------------------------------------------------

    /**
     * Every byte, flipped in its lowest and in its highest bit. Most flips land in the payload and
     * cost one Ed25519 verification (~1 ms with the build's C1-only test JVM), so positions are
     * spread over the common pool; each task flips its own copy.
     */
    @Test
    void everySingleTamperedByteFails() {
        byte[] original = PACKAGE.bytes();
        assertThat(VERIFIER.verify(original).valid()).isTrue();
        int[] masks = {0x01, 0x80};
        Map<String, Integer> codes = new ConcurrentHashMap<>();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        IntStream.range(0, original.length).parallel().forEach(i -> {
            byte[] bytes = original.clone();
            for (int mask : masks) {
                bytes[i] ^= (byte) mask;
                HspVerifier.Verification verification = VERIFIER.verify(bytes);
                bytes[i] ^= (byte) mask;
                if (verification.valid()) {
                    accepted.add(String.format("byte %d ^ 0x%02x", i, mask));
                } else {
                    codes.merge(verification.problems().get(0).code(), 1, Integer::sum);
                }
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("HSP every-byte tamper: %d bytes x %d masks in %d ms; first codes %s%n",
                original.length, masks.length, millis, new TreeMap<>(codes));
        assertThat(accepted).as("tampered packages accepted").isEmpty();
        assertThat(codes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(original.length * masks.length);
        assertThat(codes).containsKeys(BAD_SIGNATURE, TRAILER_MALFORMED);
    }

    @Test
    void truncationAtAnyLengthFails() {
        byte[] bytes = PACKAGE.bytes();
        for (int length = 0; length < bytes.length; length += 97) {
            assertThat(VERIFIER.verify(Arrays.copyOf(bytes, length)).valid()).as("length %d", length).isFalse();
        }
        for (int length = Math.max(0, bytes.length - 300); length < bytes.length; length++) { // all of the trailer
            assertThat(VERIFIER.verify(Arrays.copyOf(bytes, length)).valid()).as("length %d", length).isFalse();
        }
        assertThat(codes(VERIFIER.verify(new byte[0]))).containsExactly(TRUNCATED);
        assertThat(codes(VERIFIER.verify(Arrays.copyOf(bytes, 100)))).containsExactly(TRUNCATED);
        assertThat(codes(VERIFIER.verify(payload(bytes)))).containsExactly(NO_SIGNATURE);
        assertThat(codes(VERIFIER.verify(Arrays.copyOf(bytes, bytes.length - 1)))).containsExactly(TRUNCATED);
        assertThat(codes(VERIFIER.verify(null))).containsExactly(TRUNCATED);
    }

    @Test
    void appendedBytesFail() {
        byte[] bytes = PACKAGE.bytes();
        assertThat(codes(VERIFIER.verify(concat(bytes, new byte[1])))).containsExactly(CORRUPT);
        assertThat(codes(VERIFIER.verify(concat(bytes, bytes)))).containsExactly(CORRUPT);
        assertThat(codes(VERIFIER.verify(concat(bytes, HspTrailer.seal(payload(bytes), KEYS))))).containsExactly(CORRUPT);
        // a second zstd frame between payload and trailer, the trailer signing both frames
        byte[] twoFrames = concat(payload(bytes), HspWriter.compress(new byte[1024]));
        assertThat(codes(VERIFIER.verify(concat(twoFrames, HspTrailer.seal(twoFrames, KEYS))))).containsExactly(CORRUPT);
    }

    @Test
    void swappedFileContentsFail() {
        Map<String, byte[]> files = HspVerifier.unpack(PACKAGE.bytes(), HspFixtures.MAX_UNPACKED).files();
        List<DeterministicTar.Entry> entries = new ArrayList<>();
        entries.add(entry("manifest.json", CanonicalJson.bytes(PACKAGE.manifest())));
        files.forEach((path, bytes) -> entries.add(entry(path,
                path.equals("ir.json") ? files.get("metrics.json") : path.equals("metrics.json") ? files.get("ir.json") : bytes)));
        byte[] payload = HspWriter.compress(DeterministicTar.write(entries));

        byte[] withOriginalTrailer = concat(payload, trailer(PACKAGE.bytes()));
        assertThat(codes(VERIFIER.verify(withOriginalTrailer))).containsExactly(BAD_SIGNATURE);

        byte[] resealed = concat(payload, HspTrailer.seal(payload, KEYS)); // even by the key holder
        assertThat(codes(VERIFIER.verify(resealed))).containsExactly(FILE_HASH, FILE_HASH);
    }

    @Test
    void aPackageSignedByAnotherKeyIsUnknown() {
        HspWriter.Written foreign = HspWriter.write(HspFixtures.realisticContent(), OTHER_KEYS);
        HspVerifier.Verification verification = VERIFIER.verify(foreign.bytes());
        assertThat(codes(verification)).containsExactly(UNKNOWN_KEY);
        assertThat(verification.keyId()).isEqualTo(OTHER_KEYS.keyId());
        assertThat(verification.manifest()).isNull();
        assertThat(HspFixtures.verifier(KEYS, OTHER_KEYS).verify(foreign.bytes()).valid()).isTrue();

        // our payload under a trailer by the other key
        byte[] payload = payload(PACKAGE.bytes());
        assertThat(codes(VERIFIER.verify(concat(payload, HspTrailer.seal(payload, OTHER_KEYS))))).containsExactly(UNKNOWN_KEY);
        // a trailer naming our key but signed by the other
        HspTrailer forged = new HspTrailer("Ed25519", KEYS.keyId(), CanonicalJson.sha256(payload),
                Base64.getEncoder().encodeToString(OTHER_KEYS.sign(payload)));
        assertThat(codes(VERIFIER.verify(concat(payload, forged.frame())))).containsExactly(BAD_SIGNATURE);
        // a manifest signed by a key the verifier does not know, inside a package sealed by one it does
        byte[] foreignPayload = payload(foreign.bytes());
        assertThat(codes(VERIFIER.verify(concat(foreignPayload, HspTrailer.seal(foreignPayload, KEYS)))))
                .containsExactly(UNKNOWN_KEY);
        // a key lookup that throws is an unknown key, not an exception
        HspVerifier throwing = new HspVerifier(id -> {
            throw new IllegalStateException("key store down");
        }, HspFixtures.MAX_UNPACKED);
        assertThat(codes(throwing.verify(PACKAGE.bytes()))).containsExactly(UNKNOWN_KEY);
        assertThat(codes(new HspVerifier(id -> null, 1000).verify(PACKAGE.bytes()))).containsExactly(UNKNOWN_KEY);
    }

    @Test
    void anEditedManifestFails() throws Exception {
        ObjectNode edited = PACKAGE.manifest().deepCopy().put("rank", 99);
        byte[] payload = HspWriter.compress(DeterministicTar.write(entriesWithManifest(CanonicalJson.bytes(edited))));

        assertThat(codes(VERIFIER.verify(concat(payload, trailer(PACKAGE.bytes()))))).containsExactly(BAD_SIGNATURE);

        HspVerifier.Verification resealed = VERIFIER.verify(concat(payload, HspTrailer.seal(payload, KEYS)));
        assertThat(codes(resealed)).containsExactly(MANIFEST_SIGNATURE);
        assertThat(resealed.manifest().get("rank").intValue()).isEqualTo(99);

        ObjectNode badHash = PACKAGE.manifest().deepCopy().put("contentHash", "0".repeat(64));
        assertThat(codes(VERIFIER.verify(sealed(entriesWithManifest(CanonicalJson.bytes(badHash)), KEYS))))
                .containsExactly(MANIFEST_SIGNATURE, CONTENT_HASH);

        ObjectNode unsigned = PACKAGE.manifest().deepCopy();
        unsigned.remove("signature");
        assertThat(codes(VERIFIER.verify(sealed(entriesWithManifest(CanonicalJson.bytes(unsigned)), KEYS))))
                .containsExactly(MANIFEST_SIGNATURE);

        byte[] pretty = HspFixtures.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(PACKAGE.manifest());
        assertThat(codes(VERIFIER.verify(sealed(entriesWithManifest(pretty), KEYS)))).containsExactly(MANIFEST_MALFORMED);
        ObjectNode otherFormat = PACKAGE.manifest().deepCopy().put("format", "hsp/2");
        assertThat(codes(VERIFIER.verify(sealed(entriesWithManifest(CanonicalJson.bytes(otherFormat)), KEYS))))
                .containsExactly(MANIFEST_MALFORMED);
    }

    // ---- a properly sealed payload with a wrong inside: what the later checks find ----------

    @Test
    void missingUnexpectedDuplicateAndUnsafeFilesAreFound() {
        List<DeterministicTar.Entry> entries = entriesWithManifest(CanonicalJson.bytes(PACKAGE.manifest()));
        assertThat(VERIFIER.verify(sealed(entries, KEYS)).valid()).isTrue();

        List<DeterministicTar.Entry> missing = new ArrayList<>(entries);
        missing.remove(2);
        assertThat(VERIFIER.verify(sealed(missing, KEYS)).problems())
                .extracting(HspVerifier.Problem::code, HspVerifier.Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FILE_MISSING,
                        "'ir.json' is in the manifest but not in the package"));

        List<DeterministicTar.Entry> extra = new ArrayList<>(entries);
        extra.add(entry("extra.json", new byte[]{'{', '}'}));
        assertThat(codes(VERIFIER.verify(sealed(extra, KEYS)))).containsExactly(FILE_UNEXPECTED);

        List<DeterministicTar.Entry> duplicate = new ArrayList<>(entries);
        duplicate.add(entries.get(1));
        duplicate.add(entries.get(0));
        assertThat(codes(VERIFIER.verify(sealed(duplicate, KEYS)))).containsExactly(UNSAFE_PATH, UNSAFE_PATH);

        for (String name : List.of("../evil.json", ".hidden", "a//b", "dir/../x", "sp ace")) {
            List<DeterministicTar.Entry> unsafe = new ArrayList<>(entries);
            unsafe.add(entry(name, new byte[1]));
            assertThat(codes(VERIFIER.verify(sealed(unsafe, KEYS)))).as(name).containsExactly(UNSAFE_PATH);
        }

        List<DeterministicTar.Entry> changed = new ArrayList<>(entries);
        changed.set(3, entry(changed.get(3).name(), concat(changed.get(3).bytes(), new byte[]{' '})));
        assertThat(codes(VERIFIER.verify(sealed(changed, KEYS)))).containsExactly(FILE_HASH);

        List<DeterministicTar.Entry> manifestSecond = new ArrayList<>(entries);
        manifestSecond.add(0, manifestSecond.remove(1));
        assertThat(codes(VERIFIER.verify(sealed(manifestSecond, KEYS)))).containsExactly(MANIFEST_MISSING);
        assertThat(codes(VERIFIER.verify(sealed(List.of(), KEYS)))).containsExactly(MANIFEST_MISSING);
    }

    @Test
    void linksDirectoriesAndOtherNonRegularEntriesAreUnsafe() throws IOException {
        byte[] manifest = CanonicalJson.bytes(PACKAGE.manifest());
        for (byte type : new byte[]{TarConstants.LF_SYMLINK, TarConstants.LF_LINK, TarConstants.LF_DIR,
                TarConstants.LF_FIFO, TarConstants.LF_CHR}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                for (DeterministicTar.Entry e : entriesWithManifest(manifest)) {
                    TarArchiveEntry header = new TarArchiveEntry(e.name());
                    header.setSize(e.bytes().length);
                    tar.putArchiveEntry(header);
                    tar.write(e.bytes());
                    tar.closeArchiveEntry();
                }
                TarArchiveEntry odd = new TarArchiveEntry(type == TarConstants.LF_DIR ? "dir/" : "link.json", type);
                if (type == TarConstants.LF_SYMLINK || type == TarConstants.LF_LINK) {
                    odd.setLinkName("/etc/passwd");
                }
                tar.putArchiveEntry(odd);
                tar.closeArchiveEntry();
            }
            assertThat(codes(VERIFIER.verify(HspWriter.seal(out.toByteArray(), KEYS)))).as("type %c", type)
                    .containsExactly(UNSAFE_PATH);
        }
    }

    @Test
    void undecodablePayloadsAreCorrupt() {
        byte[] tar = DeterministicTar.write(entriesWithManifest(CanonicalJson.bytes(PACKAGE.manifest())));
        // not a tar at all
        byte[] random = new byte[4096];
        new SplittableRandom(1).nextBytes(random);
        assertThat(codes(VERIFIER.verify(HspWriter.seal(random, KEYS)))).containsExactly(CORRUPT);
        // data after the tar's end-of-archive
        assertThat(codes(VERIFIER.verify(HspWriter.seal(concat(tar, "junk".getBytes(StandardCharsets.UTF_8)), KEYS))))
                .containsExactly(CORRUPT);
        // a tar cut short
        assertThat(codes(VERIFIER.verify(HspWriter.seal(Arrays.copyOf(tar, 2000), KEYS)))).containsExactly(CORRUPT);
        // a zstd frame whose content checksum is wrong, signed as it is
        byte[] payload = HspWriter.compress(tar);
        payload[payload.length - 1] ^= 1;
        assertThat(codes(VERIFIER.verify(concat(payload, HspTrailer.seal(payload, KEYS))))).containsExactly(CORRUPT);
    }

    @Test
    void malformedTrailersAreRefused() throws Exception {
        byte[] payload = payload(PACKAGE.bytes());
        ObjectNode trailer = (ObjectNode) HspFixtures.mapper().readTree(trailerContent(PACKAGE.bytes()));
        String value = trailer.get("value").textValue();

        assertThat(codes(VERIFIER.verify(concat(payload, skippable(
                HspFixtures.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(trailer))))))
                .containsExactly(TRAILER_MALFORMED);
        assertThat(codes(VERIFIER.verify(concat(payload, skippable(CanonicalJson.bytes(trailer.deepCopy().put("x", 1)))))))
                .containsExactly(TRAILER_MALFORMED);
        assertThat(codes(VERIFIER.verify(concat(payload, skippable(CanonicalJson.bytes(trailer.deepCopy().put("alg", "Ed448")))))))
                .containsExactly(TRAILER_MALFORMED);
        ObjectNode withoutKey = trailer.deepCopy();
        withoutKey.remove("publicKeyId");
        assertThat(codes(VERIFIER.verify(concat(payload, skippable(CanonicalJson.bytes(withoutKey))))))
                .containsExactly(TRAILER_MALFORMED);
        // the last base64 character before "==" carries 4 unused bits: a lenient decoder reads this as the same signature
        char last = value.charAt(value.length() - 3);
        String malleable = value.substring(0, value.length() - 3) + (char) (last + 1) + "==";
        assertThat(Base64.getDecoder().decode(malleable)).isEqualTo(Base64.getDecoder().decode(value));
        assertThat(codes(VERIFIER.verify(concat(payload, skippable(CanonicalJson.bytes(trailer.deepCopy().put("value", malleable)))))))
                .containsExactly(TRAILER_MALFORMED);
        // a different skippable-frame magic
        byte[] otherMagic = trailer(PACKAGE.bytes());
        otherMagic[0] = 0x50;
        assertThat(codes(VERIFIER.verify(concat(payload, otherMagic)))).containsExactly(CORRUPT);
        // a signed trailer whose payloadSha256 is wrong
        HspTrailer wrongHash = new HspTrailer("Ed25519", KEYS.keyId(), "0".repeat(64),
                Base64.getEncoder().encodeToString(KEYS.sign(payload)));
        assertThat(codes(VERIFIER.verify(concat(payload, wrongHash.frame())))).containsExactly(PAYLOAD_HASH);
    }

    // ---- resource limits and hostile input ---------------------------------------------------

    @Test
    void zipBombsAreStoppedEarly() throws IOException {
        long max = 64L << 20;
        HspVerifier verifier = new HspVerifier(HspFixtures.trusting(KEYS), max);
        byte[] manifest = CanonicalJson.bytes(PACKAGE.manifest());
        List<byte[]> bombs = List.of(
                bomb(manifest, 1, 200L << 20, 0),   // one 200 MB file: refused from its tar header
                bomb(manifest, 25, 8L << 20, 0),    // 25 files of 8 MB: refused by the running count
                bomb(manifest, 0, 0, 200L << 20));  // 200 MB of zeros after the archive: refused while draining
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (byte[] bomb : bombs) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            HspVerifier.Verification verification = verifier.verify(bomb);
            long millis = (System.nanoTime() - start) / 1_000_000;
            allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            System.out.printf("HSP zip bomb of %d bytes: %s in %d ms, %d KB allocated%n",
                    bomb.length, codes(verification), millis, allocated >> 10);
            assertThat(codes(verification)).containsExactly(TOO_LARGE);
            assertThat(millis).isLessThan(5_000);
            assertThat(allocated).isLessThan(16L << 20);
            assertThatThrownBy(() -> HspVerifier.unpack(bomb, max))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(TOO_LARGE);
        }
    }

    @Test
    void fuzzedInputNeverThrowsAndIsNeverValid() {
        SplittableRandom random = new SplittableRandom(20261124L);
        byte[] original = PACKAGE.bytes();
        byte[] other = HspWriter.write(HspFixtures.realisticContent(), OTHER_KEYS).bytes();
        long start = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length >= 4) { // past the magic check half the time
                System.arraycopy(original, 0, bytes, 0, Math.min(bytes.length, 4 + random.nextInt(16)));
            }
            check(bytes);
        }
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = mutate(original, other, random);
            if (!Arrays.equals(bytes, original)) {
                check(bytes);
            }
        }
        System.out.printf("HSP fuzz: 4000 inputs in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private static void check(byte[] bytes) {
        HspVerifier.Verification verification = VERIFIER.verify(bytes);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.problems()).isNotEmpty();
        try {
            HspVerifier.unpack(bytes, HspFixtures.MAX_UNPACKED);
        } catch (IllegalArgumentException expected) {
            // unpack refuses what does not decode; anything else would be a bug
        }
    }

    private static byte[] mutate(byte[] original, byte[] other, SplittableRandom random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(6)) {
            case 0 -> { // a few random bytes
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> { // insert
                int at = random.nextInt(bytes.length + 1);
                byte[] insert = new byte[1 + random.nextInt(64)];
                random.nextBytes(insert);
                bytes = concat(concat(Arrays.copyOf(bytes, at), insert), Arrays.copyOfRange(bytes, at, bytes.length));
            }
            case 2 -> { // delete a range
                int at = random.nextInt(bytes.length);
                int end = Math.min(bytes.length, at + 1 + random.nextInt(64));
                bytes = concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, end, bytes.length));
            }
            case 3 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length)); // truncate
            case 4 -> { // splice the other package in at some point
                int at = random.nextInt(Math.min(bytes.length, other.length));
                System.arraycopy(other, at, bytes, at, Math.min(bytes.length, other.length) - at);
            }
            default -> { // duplicate a range over another
                int from = random.nextInt(bytes.length);
                int to = random.nextInt(bytes.length);
                int length = Math.min(1 + random.nextInt(128), Math.min(bytes.length - from, bytes.length - to));
                System.arraycopy(bytes.clone(), from, bytes, to, length);
            }
        }
        return bytes;
    }

    // ---- helpers -------------------------------------------------------------------------

    /** A payload of {@code count} zero-filled files (or {@code padding} zeros after the archive), sealed by KEYS. */
    private static byte[] bomb(byte[] manifest, int count, long fileBytes, long padding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (ZstdOutputStream zstd = new ZstdOutputStream(out, 3).setChecksum(true)) {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry header = new TarArchiveEntry("manifest.json");
            header.setSize(manifest.length);
            tar.putArchiveEntry(header);
            tar.write(manifest);
            tar.closeArchiveEntry();
            for (int i = 0; i < count; i++) {
                header = new TarArchiveEntry("zeros-" + i + ".bin");
                header.setSize(fileBytes);
                tar.putArchiveEntry(header);
                for (long written = 0; written < fileBytes; written += zeros.length) {
                    tar.write(zeros, 0, (int) Math.min(zeros.length, fileBytes - written));
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
            for (long written = 0; written < padding; written += zeros.length) {
                zstd.write(zeros, 0, (int) Math.min(zeros.length, padding - written));
            }
        }
        byte[] payload = out.toByteArray();
        return concat(payload, HspTrailer.seal(payload, KEYS));
    }

    private static List<DeterministicTar.Entry> entriesWithManifest(byte[] manifest) {
        List<DeterministicTar.Entry> entries = new ArrayList<>();
        entries.add(entry("manifest.json", manifest));
        HspVerifier.unpack(PACKAGE.bytes(), HspFixtures.MAX_UNPACKED).files()
                .forEach((path, bytes) -> entries.add(entry(path, bytes)));
        return entries;
    }

    private static byte[] payload(byte[] packageBytes) {
        return Arrays.copyOf(packageBytes, layout(packageBytes).payloadEnd());
    }

    private static byte[] trailer(byte[] packageBytes) {
        return Arrays.copyOfRange(packageBytes, layout(packageBytes).payloadEnd(), packageBytes.length);
    }

    private static byte[] trailerContent(byte[] packageBytes) {
        ZstdFrames.Layout layout = layout(packageBytes);
        return Arrays.copyOfRange(packageBytes, layout.trailerStart(), layout.trailerEnd());
    }

    private static ZstdFrames.Layout layout(byte[] packageBytes) {
        try {
            return ZstdFrames.split(packageBytes);
        } catch (FatalProblem e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private static byte[] skippable(byte[] content) {
        byte[] frame = new byte[8 + content.length];
        java.nio.ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(ZstdFrames.TRAILER_MAGIC).putInt(content.length).put(content);
        return frame;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> codes(HspVerifier.Verification verification) {
        return verification.problems().stream().map(HspVerifier.Problem::code).toList();
    }
}
