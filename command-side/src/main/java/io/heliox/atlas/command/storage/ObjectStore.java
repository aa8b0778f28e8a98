package io.heliox.atlas.command.storage;

import java.util.List;
import java.util.Optional;

/**
 * Where datasets, results and packages are kept: an S3-compatible bucket (embedded S3Proxy by
 * default, MinIO or any S3 when configured). Keys are paths such as
 * {@code scenarios/{id}/{hash}/bars.parquet}; content is immutable once written.
 */
public interface ObjectStore {

    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    boolean exists(String key);

    /** The object's length in bytes, or empty when there is none. */
    Optional<Long> size(String key);

    /** Keys under a prefix, in key order (all of them: the store pages internally). */
    List<String> list(String prefix);
}
