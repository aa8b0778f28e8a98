package io.heliox.atlas.command.trading;

import io.heliox.atlas.api.trading.ApplyKillSwitchToSessionCommand;
import io.heliox.atlas.command.application.workspace.WorkspaceAccess;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Carries an account's or the global kill switch to every running session under it: called by the
 * service right after the switch's command committed, on the request's thread, so the answer already
 * says the sessions halted. Each session records the switch as its own input, so a restart replays
 * it; a session started while a switch is engaged is given it at its deploy ({@link #applyEngaged});
 * and at start-up {@link #reapply} gives every running session the switches engaged over it, which
 * covers a node that stopped between a switch and its fan-out. Applying a switch twice changes
 * nothing, so every retry is safe.
 */
public class KillSwitchFanOut {

    private static final Logger log = LoggerFactory.getLogger(KillSwitchFanOut.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    public KillSwitchFanOut(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /**
     * Sends the switch to every running session under it: the global one ({@code accountId} null) to
     * all, an account's to that account's sessions in {@code workspace}.
     */
    public void fanOut(UUID workspace, String accountId, boolean engaged, String principal, String reason, Instant at) {
        List<UUID> sessions = accountId == null
                ? jdbc.queryForList("select id from paper_sessions where status = 'running'", UUID.class)
                : jdbc.queryForList("""
                        select id from paper_sessions where status = 'running' and workspace_id = ? and account_id = ?""",
                        UUID.class, workspace, accountId);
        String scope = accountId == null ? "global" : "account";
        for (UUID session : sessions) {
            try {
                send(session, scope, engaged, principal, reason, at);
            } catch (RuntimeException e) {
                // one session's failure must not keep the switch from the others; start-up applies it again
                log.error("kill switch {} {} did not reach paper session {}", scope, engaged ? "engaged" : "released",
                        session, e);
            }
        }
    }

    /** Gives every running session the switches engaged over it (at start-up: a fan-out a crash cut short). */
    public void reapply() {
        // one read of the pairs (running session, engaged switch over it): a start-up with no switch on sends nothing
        jdbc.query("""
                select s.id, k.scope, k.principal, k.reason from paper_sessions s
                join trading_kill_switches k on k.engaged
                  and (k.scope = 'global' or (k.workspace_id = s.workspace_id and k.account_id = s.account_id))
                where s.status = 'running'""", rs -> {
            send((UUID) rs.getObject("id"), rs.getString("scope"), true, rs.getString("principal"),
                    rs.getString("reason"), Instant.now());
        });
    }

    /** Gives a session just deployed every switch engaged over it (its account's, the global one). */
    public void applyEngaged(UUID session, UUID workspace, String accountId) {
        jdbc.query("""
                select scope, principal, reason from trading_kill_switches where engaged
                  and (scope = 'global' or (workspace_id = ? and account_id = ?))""", rs -> {
            send(session, rs.getString("scope"), true, rs.getString("principal"), rs.getString("reason"), Instant.now());
        }, workspace, accountId);
    }

    private void send(UUID session, String scope, boolean engaged, String principal, String reason, Instant at) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new ApplyKillSwitchToSessionCommand(session, scope, engaged, principal, reason, at))
                .andMetaData(MetaData.with(WorkspaceAccess.PRINCIPAL, WorkspaceAccess.SYSTEM_PRINCIPAL)));
    }
}
