package io.heliox.atlas.web.security;

import io.heliox.atlas.command.application.identity.AdministratorBootstrap;
import io.heliox.atlas.web.infra.AtlasProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/**
 * On the first start of an installation, once the application is up (the administrator's account
 * is recorded as events, so Axon must be running): the administrator,
 * {@code <data dir>/admin-credentials.json} and the first workspace. The log names the file, never
 * what is in it. Until this is done (a moment after the port opens) every API call answers 401 and
 * {@code /healthz} answers 503 (the application is not ready until its ApplicationReadyEvent
 * listeners are done), so nothing that waits for health calls too early.
 */
@Component
public class AdministratorSetup {

    public static final String CREDENTIALS_FILE = "admin-credentials.json";
    private static final Logger log = LoggerFactory.getLogger(AdministratorSetup.class);

    private final AdministratorBootstrap bootstrap;
    private final DefaultWorkspace defaultWorkspace;
    private final AtlasProperties properties;

    public AdministratorSetup(AdministratorBootstrap bootstrap, DefaultWorkspace defaultWorkspace,
                              AtlasProperties properties) {
        this.bootstrap = bootstrap;
        this.defaultWorkspace = defaultWorkspace;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void firstStart() {
        Path file = Path.of(properties.dataDir()).resolve(CREDENTIALS_FILE).toAbsolutePath();
        bootstrap.ensureAdministrator(file).ifPresent(credentials -> log.info(
                "first start: created the administrator '{}'; its password and API key are in {} (readable by "
                        + "its owner only)", credentials.username(), file));
        defaultWorkspace.ensure();
    }
}
