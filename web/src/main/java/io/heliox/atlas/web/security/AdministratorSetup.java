package io.heliox.atlas.web.security;

import io.heliox.atlas.command.application.identity.AdministratorBootstrap;
import io.heliox.atlas.web.infra.AtlasProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/**
 * On the first start of an installation, before the server takes requests: the administrator and
 * {@code <data dir>/admin-credentials.json}. The log names the file, never what is in it.
 */
@Component
public class AdministratorSetup implements InitializingBean {

    public static final String CREDENTIALS_FILE = "admin-credentials.json";
    private static final Logger log = LoggerFactory.getLogger(AdministratorSetup.class);

    private final AdministratorBootstrap bootstrap;
    private final AtlasProperties properties;

    public AdministratorSetup(AdministratorBootstrap bootstrap, AtlasProperties properties) {
        this.bootstrap = bootstrap;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        Path file = Path.of(properties.dataDir()).resolve(CREDENTIALS_FILE).toAbsolutePath();
        bootstrap.ensureAdministrator(file).ifPresent(credentials -> log.info(
                "first start: created the administrator '{}'; its password and API key are in {} (readable by "
                        + "its owner only)", credentials.username(), file));
    }
}
