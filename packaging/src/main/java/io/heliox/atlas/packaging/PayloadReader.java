package io.heliox.atlas.packaging;

import com.github.luben.zstd.ZstdInputStream;
import io.heliox.atlas.kernel.CanonicalJson;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.heliox.atlas.packaging.HspVerifier.Problem.CORRUPT;
import static io.heliox.atlas.packaging.HspVerifier.Problem.TOO_LARGE;

/**
 * Decompresses a package's zstd frame and reads its tar, counting every decompressed byte against
 * a budget so that a zip bomb is stopped after at most that many bytes, and hashing file contents
 * as they stream by. Only the first entry (the manifest) is always kept in memory; the others only
 * when asked. Whatever goes wrong in the decoders is reported as {@code package.corrupt}.
 */
final class PayloadReader {

    /**
     * One tar entry: its name, whether it is a plain regular file, and for a regular file its
     * size, sha256 and (when kept) contents.
     */
    record Entry(String name, boolean regular, long size, String sha256, byte[] bytes) {
    }

    private PayloadReader() {
    }

    static List<Entry> read(byte[] packageBytes, int payloadEnd, long maxUnpackedBytes, boolean keepFiles)
            throws FatalProblem {
        Budget budget = null;
        try (ZstdInputStream zstd = new ZstdInputStream(new ByteArrayInputStream(packageBytes, 0, payloadEnd))) {
            budget = new Budget(zstd, maxUnpackedBytes);
            TarArchiveInputStream tar = new TarArchiveInputStream(budget, StandardCharsets.UTF_8.name());
            List<Entry> entries = new ArrayList<>();
            while (true) {
                budget.zerosFrom(budget.count); // only zeros may follow, unless another entry does
                TarArchiveEntry header = tar.getNextEntry();
                if (header == null) {
                    break;
                }
                budget.zerosFrom(Long.MAX_VALUE);
                entries.add(entry(tar, header, budget, keepFiles || entries.isEmpty()));
            }
            drain(budget);
            if (budget.nonZeroTail) {
                throw new FatalProblem(CORRUPT, "data after the end of the tar archive");
            }
            return entries;
        } catch (FatalProblem problem) {
            throw problem;
        } catch (Exception e) { // IOException from zstd or tar, and whatever else a decoder throws on bad input
            if (budget != null && budget.exceeded) {
                throw tooLarge(maxUnpackedBytes);
            }
            throw new FatalProblem(CORRUPT, "the payload does not decode: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static Entry entry(TarArchiveInputStream tar, TarArchiveEntry header, Budget budget, boolean keep)
            throws IOException, FatalProblem {
        byte flag = header.getLinkFlag();
        boolean regular = (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM) && !header.isSparse()
                && !header.isDirectory();
        if (!regular) {
            return new Entry(header.getName(), false, 0, null, null);
        }
        if (header.getSize() > budget.remaining()) { // refuse before reading: the header gives the size
            throw tooLarge(budget.max);
        }
        MessageDigest digest = CanonicalJson.sha256Digest();
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream((int) Math.min(header.getSize(), 1 << 20)) : null;
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int n;
        while ((n = tar.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
            size += n;
        }
        if (size != header.getSize()) {
            throw new FatalProblem(CORRUPT, "tar entry '" + header.getName() + "' is cut short");
        }
        return new Entry(header.getName(), true, size, HexFormat.of().formatHex(digest.digest()),
                kept == null ? null : kept.toByteArray());
    }

    /**
     * Reads the decompressed stream to its end: zstd checks the frame's content checksum only
     * there, and the budget sees (and checks for zeros) whatever the tar reader left.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (in.read(buffer) >= 0) {
            // counted and checked by the budget
        }
    }

    private static FatalProblem tooLarge(long max) {
        return new FatalProblem(TOO_LARGE, "the package unpacks to more than " + max + " bytes");
    }

    /**
     * Counts decompressed bytes and fails (remembering it did, however a decoder wraps the
     * exception) past the budget. It also watches the end of the archive: the tar reader
     * silently consumes whatever follows its end-of-archive blocks, so from the offset where no
     * further entry started, every byte that passes must be zero.
     */
    private static final class Budget extends FilterInputStream {

        final long max;
        long count;
        boolean exceeded;
        long zerosFrom = Long.MAX_VALUE;
        boolean nonZeroTail;

        Budget(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        long remaining() {
            return max - count;
        }

        /** Expect only zero bytes from {@code offset} on ({@code Long.MAX_VALUE}: no expectation). */
        void zerosFrom(long offset) {
            zerosFrom = offset;
            nonZeroTail = false;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                for (int i = (int) Math.max(0, Math.min(n, zerosFrom - count)); i < n; i++) {
                    nonZeroTail |= b[off + i] != 0;
                }
                count += n;
                if (count > max) {
                    exceeded = true;
                    throw new IOException("unpacked size exceeds " + max + " bytes");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // through read, so skipped bytes are counted and checked too
            byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            int read = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }
    }
}
