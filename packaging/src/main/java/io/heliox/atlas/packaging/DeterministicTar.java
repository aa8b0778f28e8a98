package io.heliox.atlas.packaging;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tar whose bytes depend only on the names and contents given: mtime 0, uid/gid 0, empty user
 * and group names, mode 0644, POSIX (PAX) headers for long names. Left to itself a tar writer
 * records the clock and the user running it, and the same package would hash differently on
 * every machine.
 */
final class DeterministicTar {

    /** One regular file of the archive. */
    record Entry(String name, byte[] bytes) {
    }

    private static final int MODE_REGULAR_0644 = 0100644;

    private DeterministicTar() {
    }

    static byte[] write(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry entry : entries) {
                TarArchiveEntry header = new TarArchiveEntry(entry.name());
                header.setModTime(0L);
                header.setIds(0, 0);
                header.setNames("", "");
                header.setMode(MODE_REGULAR_0644);
                header.setSize(entry.bytes().length);
                tar.putArchiveEntry(header);
                tar.write(entry.bytes());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a tar in memory", e);
        }
        return out.toByteArray();
    }
}
