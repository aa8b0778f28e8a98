package io.heliox.atlas.query.trading;

import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.query.ScopedReads;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads {@code trading_kill_switches}: a workspace's account switches and the global one (V21). */
public class KillSwitchList {

    /** A switch as its last event left it. {@code accountId} is null for the global one. */
    public record Switch(String scope, String accountId, boolean engaged, String principal, String reason,
                         Instant updatedAt) {
    }

    /** Whether a switch is engaged, and the scope's running sessions: how many, and how many halted. */
    public record Status(boolean engaged, int running, int halted) {
    }

    private final ScopedReads reads;
    private final JdbcTemplate jdbc;

    public KillSwitchList(ScopedReads reads) {
        this.reads = reads;
        this.jdbc = reads.jdbc();
    }

    public List<Switch> all(Scope scope) {
        return reads.read(scope, () -> jdbc.query(
                "select * from trading_kill_switches order by scope desc, account_id", (rs, i) -> new Switch(
                        rs.getString("scope"), rs.getString("account_id"), rs.getBoolean("engaged"),
                        rs.getString("principal"), rs.getString("reason"), rs.getTimestamp("updated_at").toInstant())));
    }

    /** Whether a session of {@code workspace} ever traded for {@code accountId}. */
    public boolean accountKnown(Scope scope, UUID workspace, String accountId) {
        return reads.read(scope, () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from paper_sessions where workspace_id = ? and account_id = ?)", Boolean.class,
                workspace, accountId)));
    }

    /**
     * The account's switch ({@code accountId}, in {@code workspace}) over its sessions, or the global
     * one (null) over every session the scope sees.
     */
    public Status status(Scope scope, UUID workspace, String accountId) {
        return reads.read(scope, () -> {
            Boolean engaged = accountId == null
                    ? jdbc.query("select engaged from trading_kill_switches where scope = 'global'",
                            rs -> rs.next() ? rs.getBoolean(1) : null)
                    : jdbc.query("""
                            select engaged from trading_kill_switches where scope = 'account' and workspace_id = ?
                              and account_id = ?""", rs -> rs.next() ? rs.getBoolean(1) : null, workspace, accountId);
            String where = accountId == null ? "status = 'running'"
                    : "status = 'running' and workspace_id = ? and account_id = ?";
            Object[] args = accountId == null ? new Object[0] : new Object[] {workspace, accountId};
            int[] counts = jdbc.query("select count(*), count(*) filter (where state = 'halted') from paper_sessions where "
                    + where, rs -> {
                        rs.next();
                        return new int[] {rs.getInt(1), rs.getInt(2)};
                    }, args);
            return new Status(Boolean.TRUE.equals(engaged), counts[0], counts[1]);
        });
    }
}
