package io.heliox.atlas.web.infra;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The local-first object store: S3Proxy in this process, speaking the real S3 protocol on
 * loopback, keeping objects as files under the project's {@code var/s3} (jclouds'
 * {@code filesystem-nio2} provider; the plain {@code filesystem} one lists folders as objects).
 */
public final class EmbeddedObjectStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedObjectStore.class);

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;

    private EmbeddedObjectStore(S3Proxy proxy, BlobStoreContext context, URI endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
    }

    public static EmbeddedObjectStore start(Path baseDir, int port, String accessKey, String secretKey) {
        try {
            Files.createDirectories(baseDir);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", baseDir.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem-nio2")
                    .credentials(accessKey, secretKey)
                    .overrides(properties)
                    .build(BlobStoreContext.class);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) { // S3Proxy's (shaded) Jetty lifecycle state
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the embedded S3 store did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
            log.info("embedded S3 store (S3Proxy) on {} with data in {}", endpoint, baseDir);
            return new EmbeddedObjectStore(proxy, context, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + baseDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded S3 store: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
