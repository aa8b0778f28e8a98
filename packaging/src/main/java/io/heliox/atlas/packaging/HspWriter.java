package io.heliox.atlas.packaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdCompressCtx;
import io.heliox.atlas.kernel.CanonicalJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes an HSP package: a deterministic tar ({@code manifest.json}, then the files in the given
 * order) compressed as one zstd frame with a content checksum, then the signed trailer in a zstd
 * skippable frame (see {@link HspPackage}). Ed25519 signatures are deterministic, so the same
 * content and key always give the same bytes, with the same zstd-jni version.
 */
public final class HspWriter {

    /** High ratio, and still milliseconds for the few small JSON files of a strategy package. */
    static final int ZSTD_LEVEL = 19;

    /** A written package: its bytes, its manifest (as inside it), and the sha256 of the bytes. */
    public record Written(byte[] bytes, ObjectNode manifest, String sha256) {
    }

    private HspWriter() {
    }

    public static Written write(PackageContent content, PackageSigningKeys keys) {
        ObjectNode manifest = HspManifest.build(content, keys);
        List<DeterministicTar.Entry> entries = new ArrayList<>(content.files().size() + 1);
        entries.add(new DeterministicTar.Entry(HspPackage.MANIFEST_PATH, CanonicalJson.bytes(manifest)));
        for (PackageFile file : content.files()) {
            entries.add(new DeterministicTar.Entry(file.path(), file.bytesUnsafe()));
        }
        byte[] bytes = seal(DeterministicTar.write(entries), keys);
        return new Written(bytes, manifest, CanonicalJson.sha256(bytes));
    }

    /** Compresses a tar and appends the trailer that signs the compressed bytes. */
    static byte[] seal(byte[] tar, PackageSigningKeys keys) {
        byte[] payload = compress(tar);
        byte[] trailer = HspTrailer.seal(payload, keys);
        byte[] bytes = new byte[payload.length + trailer.length];
        System.arraycopy(payload, 0, bytes, 0, payload.length);
        System.arraycopy(trailer, 0, bytes, payload.length, trailer.length);
        return bytes;
    }

    /**
     * One zstd frame, compressed in one call: knowing the input size lets zstd size its level-19
     * tables to the input (a streaming level-19 context would allocate ~100 MB for a few KB).
     */
    static byte[] compress(byte[] tar) {
        try (ZstdCompressCtx zstd = new ZstdCompressCtx()) {
            return zstd.setLevel(ZSTD_LEVEL).setChecksum(true).setContentSize(true).compress(tar);
        }
    }
}
