package io.heliox.atlas.web.security;

import io.heliox.atlas.command.application.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * An installation's first workspace, {@value #NAME}: made at the first start (after the
 * administrator, by {@link AdministratorSetup}) for the first system administrator, so the administrator of {@code make run} has somewhere to work.
 * Its id is fixed, so nodes starting together make it once (the losers find it made). Runs recorded
 * before workspaces existed stay in none; system administrators see them.
 */
@Component
public class DefaultWorkspace {

    public static final String NAME = "default";
    public static final UUID ID = UUID.nameUUIDFromBytes("heliox-atlas:default-workspace".getBytes());
    private static final Logger log = LoggerFactory.getLogger(DefaultWorkspace.class);

    private final WorkspaceService workspaces;
    private final JdbcTemplate jdbc;

    public DefaultWorkspace(WorkspaceService workspaces, JdbcTemplate jdbc) {
        this.workspaces = workspaces;
        this.jdbc = jdbc;
    }

    /** Called by {@link AdministratorSetup} once the administrator exists. */
    public void ensure() {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from workspaces)", Boolean.class))) {
            return;
        }
        List<UUID> admins = jdbc.query("select id from users where system_admin order by created_at limit 1",
                (rs, i) -> (UUID) rs.getObject(1));
        if (admins.isEmpty()) {
            return;
        }
        workspaces.ensure(ID, NAME, admins.get(0));
        log.info("first start: created the workspace '{}' with the administrator as its admin", NAME);
    }
}
