package io.heliox.atlas.web.infra;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start on a network address with the built-in credentials of an external database or
 * object store: they are in this repository for everyone to read. On loopback (the default) they
 * are harmless, and the embedded PostgreSQL and S3 listen on loopback whatever the server binds to.
 */
@Component
public class BuiltInCredentialsGuard implements InitializingBean {

    static final String DEFAULT_DB_PASSWORD = "atlas";
    static final String DEFAULT_S3_SECRET_KEY = "atlas-secret-key";

    private final AtlasProperties properties;
    private final String bindAddress;

    public BuiltInCredentialsGuard(AtlasProperties properties, @Value("${server.address:}") String bindAddress) {
        this.properties = properties;
        this.bindAddress = bindAddress;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> builtIn = builtInCredentialsInUse(properties);
        if (!builtIn.isEmpty() && !BindAddress.isLoopback(bindAddress)) {
            throw new IllegalStateException("ATLAS listens on " + (bindAddress == null || bindAddress.isBlank()
                    ? "every interface" : bindAddress) + " but " + String.join(" and ", builtIn)
                    + " still the built-in default, which anyone can read in the repository: set your own, "
                    + "or bind to 127.0.0.1 (ATLAS_BIND_ADDRESS)");
        }
    }

    static List<String> builtInCredentialsInUse(AtlasProperties properties) {
        List<String> out = new ArrayList<>();
        if (!blank(properties.db().url()) && DEFAULT_DB_PASSWORD.equals(properties.db().password())) {
            out.add("ATLAS_DB_PASSWORD is");
        }
        if (!blank(properties.s3().endpoint()) && DEFAULT_S3_SECRET_KEY.equals(properties.s3().secretKey())) {
            out.add("ATLAS_S3_SECRET_KEY is");
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
