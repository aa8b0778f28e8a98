package io.heliox.atlas.packaging;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What goes into a package: the caller's manifest members (packageId, strategyId, irHash, …) and
 * the files, in the order they are written. The members the writer computes ({@link #RESERVED})
 * are refused rather than overwritten, so a caller never believes it set one of them.
 */
public record PackageContent(ObjectNode manifestFields, List<PackageFile> files) {

    /** Manifest members the writer computes. */
    public static final Set<String> RESERVED = Set.of("format", "files", "contentHash", "signature");

    public PackageContent {
        Objects.requireNonNull(manifestFields, "manifestFields");
        Objects.requireNonNull(files, "files");
        for (String reserved : RESERVED) {
            if (manifestFields.has(reserved)) {
                throw new IllegalArgumentException("manifest member '" + reserved + "' is computed by the package writer");
            }
        }
        files = List.copyOf(files);
        Set<String> paths = new HashSet<>();
        for (PackageFile file : files) {
            if (!paths.add(file.path())) {
                throw new IllegalArgumentException("duplicate package file path '" + file.path() + "'");
            }
        }
        manifestFields = manifestFields.deepCopy();
    }

    /** A copy of the caller's manifest members. */
    @Override
    public ObjectNode manifestFields() {
        return manifestFields.deepCopy();
    }

    /** The members without a copy, for the writer. */
    ObjectNode manifestFieldsUnsafe() {
        return manifestFields;
    }
}
