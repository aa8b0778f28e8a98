package io.heliox.atlas.command.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ObjectStore} over the S3 protocol through the MinIO Java client: the same code talks to
 * the embedded S3Proxy, a MinIO server or AWS S3. The bucket is created on first use.
 */
public class S3ObjectStore implements ObjectStore {

    private final MinioClient client;
    private final String bucket;

    public S3ObjectStore(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (Exception e) {
            throw new ObjectStoreException("cannot open bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(content), content.length, -1)
                    .contentType(contentType).build());
        } catch (Exception e) {
            throw new ObjectStoreException("cannot store " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return Optional.of(in.readAllBytes());
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw new ObjectStoreException("cannot read " + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStoreException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        return size(key).isPresent();
    }

    @Override
    public Optional<Long> size(String key) {
        try {
            return Optional.of(client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size());
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw new ObjectStoreException("cannot stat " + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStoreException("cannot stat " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try {
            List<String> keys = new ArrayList<>();
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                keys.add(result.get().objectName());
            }
            keys.sort(null);
            return keys;
        } catch (Exception e) {
            throw new ObjectStoreException("cannot list " + prefix + ": " + e.getMessage(), e);
        }
    }

    private static boolean isMissing(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || e.response().code() == 404;
    }
}
