package io.heliox.atlas.packaging;

import static io.heliox.atlas.packaging.HspVerifier.Problem.CORRUPT;
import static io.heliox.atlas.packaging.HspVerifier.Problem.NO_SIGNATURE;
import static io.heliox.atlas.packaging.HspVerifier.Problem.TRAILER_MALFORMED;
import static io.heliox.atlas.packaging.HspVerifier.Problem.TRUNCATED;

/**
 * Splits package bytes into the payload (one zstd frame) and the trailer (a skippable frame) by
 * walking the frame and block headers of RFC 8878, without decompressing anything. This is what
 * lets the verifier check the trailer's signature first: unauthenticated bytes never reach the
 * decompressor or the tar reader, and a tampered package is refused in microseconds.
 */
final class ZstdFrames {

    /** Magic number of a zstd frame (RFC 8878 §3.1.1), stored little-endian. */
    static final int ZSTD_MAGIC = 0xFD2FB528;

    /** Magic number of the HSP trailer: one particular skippable frame (0x184D2A50–5F are all skippable). */
    static final int TRAILER_MAGIC = 0x184D2A5E;

    /** A trailer is ~250 bytes; anything much larger is not one of ours. */
    static final int MAX_TRAILER_BYTES = 4096;

    private static final int[] DICTIONARY_ID_BYTES = {0, 1, 2, 4};

    /** Where the payload ends and the trailer's content starts and ends (end exclusive). */
    record Layout(int payloadEnd, int trailerStart, int trailerEnd) {
    }

    private ZstdFrames() {
    }

    static Layout split(byte[] bytes) throws FatalProblem {
        if (bytes.length == 0) {
            throw new FatalProblem(TRUNCATED, "the package is empty");
        }
        int payloadEnd = zstdFrameEnd(bytes, 0);
        if (payloadEnd == bytes.length) {
            throw new FatalProblem(NO_SIGNATURE, "the package ends after its zstd frame: no signature trailer");
        }
        if (bytes.length - payloadEnd < 4) {
            throw new FatalProblem(TRUNCATED, "the package ends inside the signature trailer's header");
        }
        int magic = littleEndian32(bytes, payloadEnd);
        if (magic == ZSTD_MAGIC) {
            throw new FatalProblem(CORRUPT, "the package holds more than one zstd frame");
        }
        if (magic != TRAILER_MAGIC) {
            throw new FatalProblem(CORRUPT, "unexpected data after the zstd frame at offset " + payloadEnd);
        }
        if (bytes.length - payloadEnd < 8) {
            throw new FatalProblem(TRUNCATED, "the package ends inside the signature trailer's header");
        }
        long size = Integer.toUnsignedLong(littleEndian32(bytes, payloadEnd + 4));
        long trailerEnd = payloadEnd + 8L + size;
        if (trailerEnd > bytes.length) {
            throw new FatalProblem(TRUNCATED, "the package ends inside the signature trailer ("
                    + (bytes.length - payloadEnd - 8) + " of " + size + " bytes)");
        }
        if (trailerEnd < bytes.length) {
            throw new FatalProblem(CORRUPT, (bytes.length - trailerEnd) + " bytes follow the signature trailer");
        }
        if (size > MAX_TRAILER_BYTES) {
            throw new FatalProblem(TRAILER_MALFORMED, "the signature trailer is " + size + " bytes long");
        }
        return new Layout(payloadEnd, payloadEnd + 8, (int) trailerEnd);
    }

    /** The offset just after the zstd frame starting at {@code start}. */
    static int zstdFrameEnd(byte[] bytes, int start) throws FatalProblem {
        need(bytes, start, 4);
        if (littleEndian32(bytes, start) != ZSTD_MAGIC) {
            throw new FatalProblem(CORRUPT, "the package does not start with a zstd frame");
        }
        long at = start + 4L;
        need(bytes, at, 1);
        int descriptor = bytes[(int) at++] & 0xFF;
        int contentSizeFlag = descriptor >>> 6;
        boolean singleSegment = (descriptor & 0x20) != 0;
        boolean checksum = (descriptor & 0x04) != 0;
        if ((descriptor & 0x08) != 0) {
            throw new FatalProblem(CORRUPT, "zstd frame header has its reserved bit set");
        }
        if (!checksum) {
            throw new FatalProblem(CORRUPT, "zstd frame has no content checksum");
        }
        int contentSizeBytes = contentSizeFlag == 0 ? (singleSegment ? 1 : 0) : 1 << contentSizeFlag;
        at += (singleSegment ? 0 : 1) + DICTIONARY_ID_BYTES[descriptor & 0x03] + contentSizeBytes;
        while (true) {
            need(bytes, at, 3);
            int header = (bytes[(int) at] & 0xFF) | (bytes[(int) at + 1] & 0xFF) << 8 | (bytes[(int) at + 2] & 0xFF) << 16;
            at += 3;
            int type = (header >>> 1) & 0x03;
            if (type == 3) {
                throw new FatalProblem(CORRUPT, "zstd block of the reserved type");
            }
            at += type == 1 ? 1 : header >>> 3; // an RLE block stores one byte
            if ((header & 1) != 0) {
                break;
            }
        }
        need(bytes, at, 4); // content checksum
        return (int) (at + 4);
    }

    private static void need(byte[] bytes, long at, int count) throws FatalProblem {
        if (at + count > bytes.length) {
            throw new FatalProblem(TRUNCATED, "the package ends inside its zstd frame");
        }
    }

    static int littleEndian32(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }
}
