package io.heliox.atlas.web.infra;

import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.command.storage.S3ObjectStore;
import io.minio.MinioClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** Object storage: an external S3-compatible server when {@code ATLAS_S3_ENDPOINT} is set, else the embedded one. */
@Configuration(proxyBeanMethods = false)
public class ObjectStoreConfiguration {

    /** Where the S3 endpoint is, and the embedded server behind it when there is one (stopped on shutdown). */
    public record ObjectStoreServer(String endpoint, EmbeddedObjectStore embedded) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    public ObjectStoreServer objectStoreServer(AtlasProperties properties) {
        AtlasProperties.S3 s3 = properties.s3();
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            return new ObjectStoreServer(s3.endpoint(), null);
        }
        int port = s3.embeddedPort() > 0 ? s3.embeddedPort() : freePort();
        EmbeddedObjectStore embedded = EmbeddedObjectStore.start(Path.of(properties.dataDir(), "s3").toAbsolutePath(),
                port, s3.accessKey(), s3.secretKey());
        return new ObjectStoreServer(embedded.endpoint().toString(), embedded);
    }

    @Bean
    public ObjectStore objectStore(AtlasProperties properties, ObjectStoreServer server) {
        AtlasProperties.S3 s3 = properties.s3();
        MinioClient client = MinioClient.builder()
                .endpoint(server.endpoint())
                .credentials(s3.accessKey(), s3.secretKey())
                .region(s3.region())
                .build();
        return new S3ObjectStore(client, s3.bucket());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
