package io.heliox.atlas.web.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Every ATLAS setting, bound from {@code atlas.*} (see application.properties for the environment
 * variable behind each, and the README's configuration table).
 */
@ConfigurationProperties("atlas")
public record AtlasProperties(String dataDir, Db db, S3 s3, Runs runs, Http http, String dataRemoteProviders) {

    /** @param url JDBC URL of an external PostgreSQL; blank starts the embedded one under {@code dataDir} */
    public record Db(String url, String user, String password, int embeddedPort, int poolSize) {
    }

    /**
     * @param endpoint S3-compatible endpoint (MinIO, AWS); blank starts the embedded S3Proxy under {@code dataDir}
     */
    public record S3(String endpoint, String accessKey, String secretKey, String bucket, String region, int embeddedPort) {
    }

    /**
     * Defaults of every run; a run's options may lower or raise them within the contract's bounds.
     *
     * @param testOptions who may use the options made for tests (mode mock, failAt, mockStepDelayMs,
     *                    which hold a worker or fail on purpose): {@code admins} or {@code everyone}
     */
    public record Runs(long tokensLimit, long timeMsLimit, long phaseTimeoutMs, String testOptions) {

        public boolean testOptionsForEveryone() {
            return "everyone".equalsIgnoreCase(testOptions);
        }
    }

    /**
     * @param allowedHosts       host names the server answers to (the Host header); empty: the loopback
     *                           names when bound to loopback, any name otherwise
     * @param rateLimitPerMinute requests a minute per user and per API key, unless a user has its own limit
     */
    public record Http(long maxBodyBytes, List<String> corsAllowedOrigins, List<String> allowedHosts,
                       long rateLimitPerMinute) {

        public Http {
            allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        }
    }
}
