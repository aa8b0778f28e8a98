package io.heliox.atlas.web;

import io.heliox.atlas.web.infra.AtlasProperties;
import io.heliox.atlas.web.infra.BuiltInCredentialsGuard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInCredentialsGuardTest {

    private static AtlasProperties properties(String dbUrl, String dbPassword, String s3Endpoint, String s3Secret) {
        return new AtlasProperties("var", new AtlasProperties.Db(dbUrl, "atlas", dbPassword, 0, 5),
                new AtlasProperties.S3(s3Endpoint, "atlas", s3Secret, "atlas", "us-east-1", 0),
                new AtlasProperties.Runs(10_000, 60_000, 30_000, "admins"),
                new AtlasProperties.Http(262_144, List.of(), List.of(), 6000), "disabled");
    }

    @Test
    void theBuiltInPasswordsOfExternalServicesAreRefusedOnANetworkAddress() {
        AtlasProperties defaults = properties("jdbc:postgresql://db/atlas", "atlas", "http://minio:9000", "atlas-secret-key");
        assertThatThrownBy(() -> new BuiltInCredentialsGuard(defaults, "0.0.0.0").afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ATLAS_DB_PASSWORD").hasMessageContaining("ATLAS_S3_SECRET_KEY");
        assertThatThrownBy(() -> new BuiltInCredentialsGuard(defaults, "").afterPropertiesSet())
                .hasMessageContaining("every interface");
        AtlasProperties s3Only = properties("jdbc:postgresql://db/atlas", "s3cr3t", "http://minio:9000", "atlas-secret-key");
        assertThatThrownBy(() -> new BuiltInCredentialsGuard(s3Only, "10.0.0.5").afterPropertiesSet())
                .hasMessageContaining("ATLAS_S3_SECRET_KEY").message().doesNotContain("ATLAS_DB_PASSWORD");
    }

    @Test
    void loopbackOwnPasswordsAndTheEmbeddedServicesAreFine() {
        AtlasProperties defaults = properties("jdbc:postgresql://db/atlas", "atlas", "http://minio:9000", "atlas-secret-key");
        assertThatCode(() -> new BuiltInCredentialsGuard(defaults, "127.0.0.1").afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new BuiltInCredentialsGuard(defaults, "::1").afterPropertiesSet()).doesNotThrowAnyException();
        AtlasProperties own = properties("jdbc:postgresql://db/atlas", "s3cr3t", "http://minio:9000", "m1n10");
        assertThatCode(() -> new BuiltInCredentialsGuard(own, "0.0.0.0").afterPropertiesSet()).doesNotThrowAnyException();
        AtlasProperties embedded = properties("", "atlas", "", "atlas-secret-key");
        assertThatCode(() -> new BuiltInCredentialsGuard(embedded, "0.0.0.0").afterPropertiesSet()).doesNotThrowAnyException();
    }
}
