package io.heliox.atlas.query.workspace;

import io.heliox.atlas.api.workspace.MemberRemovedEvent;
import io.heliox.atlas.api.workspace.MemberRoleSetEvent;
import io.heliox.atlas.api.workspace.WorkspaceCreatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/**
 * Projects the Workspace aggregate into {@code workspaces} and {@code workspace_members}, and keeps
 * each person's default workspace. A subscribing processor: the rows are written in the transaction
 * of the command that changed the workspace, so a role is in force when the command returns, and a
 * name already taken (the table's unique key) fails the command itself.
 */
@ProcessingGroup(WorkspaceProjection.PROCESSING_GROUP)
public class WorkspaceProjection {

    public static final String PROCESSING_GROUP = "workspaces-projection";

    private final JdbcTemplate jdbc;

    public WorkspaceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkspaceCreatedEvent event) {
        jdbc.update("insert into workspaces (id, name, created_at) values (?, ?, ?)",
                event.workspaceId(), event.name(), Timestamp.from(event.ts()));
    }

    @EventHandler
    void on(MemberRoleSetEvent event) {
        jdbc.update("""
                insert into workspace_members (workspace_id, user_id, role, since) values (?, ?, ?, ?)
                on conflict (workspace_id, user_id) do update set role = excluded.role""",
                event.workspaceId(), event.userId(), event.role().wireName(), Timestamp.from(event.ts()));
        jdbc.update("update users set default_workspace_id = ? where id = ? and default_workspace_id is null",
                event.workspaceId(), event.userId());
    }

    @EventHandler
    void on(MemberRemovedEvent event) {
        jdbc.update("delete from workspace_members where workspace_id = ? and user_id = ?",
                event.workspaceId(), event.userId());
        jdbc.update("""
                update users set default_workspace_id =
                  (select workspace_id from workspace_members where user_id = ? order by since, workspace_id limit 1)
                where id = ? and default_workspace_id = ?""",
                event.userId(), event.userId(), event.workspaceId());
    }
}
