package io.heliox.atlas.packaging;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file to put in a package. The path is checked here, when the file is made, so that a bad
 * path is the caller's error at the call site rather than a package the verifier later refuses.
 * The bytes are copied in and out: a record holding a shared array would not be a value.
 */
public record PackageFile(String path, byte[] bytes) {

    public PackageFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        if (!HspPackage.isValidPath(path)) {
            throw new IllegalArgumentException("not a valid package file path (relative, segments of [A-Za-z0-9._-] "
                    + "not starting with a dot, at most " + HspPackage.MAX_PATH_LENGTH + " characters): '" + path + "'");
        }
        if (path.equals(HspPackage.MANIFEST_PATH)) {
            throw new IllegalArgumentException("'" + HspPackage.MANIFEST_PATH + "' is written by the package writer");
        }
        bytes = bytes.clone();
    }

    /** A copy of the contents. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The contents without a copy, for the writer. */
    byte[] bytesUnsafe() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackageFile that && path.equals(that.path) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PackageFile[" + path + ", " + bytes.length + " bytes]";
    }
}
