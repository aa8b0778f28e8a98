package io.heliox.atlas.command.application.workspace;

import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.api.workspace.CreateWorkspaceCommand;
import io.heliox.atlas.api.workspace.RemoveMemberCommand;
import io.heliox.atlas.api.workspace.SetMemberRoleCommand;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.api.workspace.WorkspaceRuleException;
import io.heliox.atlas.command.application.identity.IdentityException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Workspaces and their members: the changes (as commands to the {@code Workspace} aggregate) and the
 * lookups every request makes (a person's role in a workspace, their default workspace).
 *
 * <p>The tables read here are the aggregate's read model, written in the command's own transaction,
 * so a change is in force on this node the moment its method returns. A person's roles are cached
 * for {@link #ROLE_CACHE_TTL} (a request must not pay a query for them): a change made on another
 * node reaches this one within that time, like a revoked API key.
 */
public class WorkspaceService {

    /** The metadata key naming the identity provider whose token granted a role. */
    public static final String GRANTED_BY = "grantedBy";

    static final Duration ROLE_CACHE_TTL = Duration.ofSeconds(5);
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$");

    /** A person's memberships, as cached. */
    private record Memberships(Map<UUID, WorkspaceRole> roles, UUID defaultWorkspace, long loadedAtNanos) {
    }

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<UUID, Memberships> cache = new ConcurrentHashMap<>();

    public WorkspaceService(CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- lookups -----------------------------------------------------------------------------------

    /** The person's role in the workspace, or empty when they are not a member (or it does not exist). */
    public Optional<WorkspaceRole> role(UUID userId, UUID workspaceId) {
        return Optional.ofNullable(memberships(userId).roles().get(workspaceId));
    }

    /** The workspace the person's requests act in when they name none: the first they joined that they are still in. */
    public Optional<UUID> defaultWorkspace(UUID userId) {
        return Optional.ofNullable(memberships(userId).defaultWorkspace());
    }

    public boolean exists(UUID workspaceId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from workspaces where id = ?)",
                Boolean.class, workspaceId));
    }

    /** The workspaces the person is a member of, by name; every workspace when {@code everything}. */
    public List<WorkspaceSummary> workspaces(UUID userId, boolean everything) {
        String sql = everything
                ? """
                  select w.id, w.name, w.created_at, m.role from workspaces w
                  left join workspace_members m on m.workspace_id = w.id and m.user_id = ? order by w.name"""
                : """
                  select w.id, w.name, w.created_at, m.role from workspaces w
                  join workspace_members m on m.workspace_id = w.id and m.user_id = ? order by w.name""";
        return jdbc.query(sql, (rs, i) -> new WorkspaceSummary((UUID) rs.getObject("id"), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("role") == null ? null : WorkspaceRole.fromWire(rs.getString("role")).orElseThrow()), userId);
    }

    public Optional<WorkspaceSummary> workspace(UUID workspaceId, UUID userId) {
        return jdbc.query("""
                        select w.id, w.name, w.created_at, m.role from workspaces w
                        left join workspace_members m on m.workspace_id = w.id and m.user_id = ? where w.id = ?""",
                (rs, i) -> new WorkspaceSummary((UUID) rs.getObject("id"), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("role") == null ? null : WorkspaceRole.fromWire(rs.getString("role")).orElseThrow()),
                userId, workspaceId).stream().findFirst();
    }

    public List<Member> members(UUID workspaceId) {
        return jdbc.query("""
                        select m.user_id, u.username, m.role, m.since from workspace_members m
                        join users u on u.id = m.user_id where m.workspace_id = ? order by u.username""",
                (rs, i) -> new Member((UUID) rs.getObject("user_id"), rs.getString("username"),
                        WorkspaceRole.fromWire(rs.getString("role")).orElseThrow(), rs.getTimestamp("since").toInstant()),
                workspaceId);
    }

    // ---- changes -----------------------------------------------------------------------------------

    /**
     * A new workspace with {@code creator} as its admin.
     *
     * @throws IdentityException      INVALID for a name that breaks the rules
     * @throws WorkspaceRuleException for a name already taken
     */
    public UUID create(String name, UUID creator) {
        String trimmed = name == null ? "" : name.strip();
        if (!NAME.matcher(trimmed).matches()) {
            throw new IdentityException(IdentityException.Reason.INVALID,
                    "a workspace name is 1 to 63 of A-Z, a-z, 0-9, spaces, '.', '_' and '-', starting with a letter or digit");
        }
        UUID id = UUID.randomUUID();
        if (nameTaken(trimmed)) {
            throw new WorkspaceRuleException("a workspace named " + trimmed + " exists already");
        }
        try {
            commands.sendAndWait(new CreateWorkspaceCommand(id, trimmed, creator, clock.instant()));
        } catch (RuntimeException e) {
            // the read model's unique name, checked in the command's transaction: a race the check above lost
            if (causedByDuplicate(e)) {
                throw new WorkspaceRuleException("a workspace named " + trimmed + " exists already");
            }
            throw e;
        }
        cache.remove(creator);
        return id;
    }

    /**
     * Creates the workspace with a known id (the installation's first one, made by every node that
     * starts first, of which one wins); nothing when it exists.
     */
    public void ensure(UUID workspaceId, String name, UUID creator) {
        if (exists(workspaceId)) {
            return;
        }
        try {
            commands.sendAndWait(new CreateWorkspaceCommand(workspaceId, name, creator, clock.instant()));
        } catch (RuntimeException e) {
            if (!exists(workspaceId)) {
                throw e;
            }
        }
        cache.remove(creator);
    }

    /**
     * A person's own workspace, named after them (with a number when the name is taken), made when
     * the person is created so that every person has somewhere to work.
     */
    public UUID createPersonal(String username, UUID userId) {
        String base = username.length() > 60 ? username.substring(0, 60) : username; // room for "-20"
        for (int attempt = 1; ; attempt++) {
            try {
                return create(attempt == 1 ? base : base + "-" + attempt, userId);
            } catch (WorkspaceRuleException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /**
     * Adds the named person to the workspace with {@code role}, or changes their role there.
     *
     * @return true when something changed
     * @throws NotFoundException for an unknown person
     */
    public boolean setRole(UUID workspaceId, String username, WorkspaceRole role) {
        UUID userId = userId(username);
        boolean changed = Boolean.TRUE.equals(
                commands.sendAndWait(new SetMemberRoleCommand(workspaceId, userId, role, clock.instant())));
        cache.remove(userId);
        return changed;
    }

    /** The workspace of this name, if there is one. */
    public Optional<UUID> named(String name) {
        return jdbc.query("select id from workspaces where name = ?", (rs, i) -> (UUID) rs.getObject("id"),
                name == null ? "" : name.strip()).stream().findFirst();
    }

    /**
     * The role an identity provider's token grants the person in a workspace: sent by the system on
     * the provider's word (the token was verified), not by the person, who need not be an admin.
     * A grant the person already has changes nothing. The metadata names the provider.
     *
     * @return true when the role changed
     */
    public boolean grantFromIdentityProvider(UUID workspaceId, UUID userId, WorkspaceRole role, String issuer) {
        Object changed = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new SetMemberRoleCommand(workspaceId, userId, role, clock.instant()))
                .andMetaData(Map.of(WorkspaceAccess.PRINCIPAL, WorkspaceAccess.SYSTEM_PRINCIPAL, GRANTED_BY, issuer)));
        cache.remove(userId);
        return Boolean.TRUE.equals(changed);
    }

    /** @return true when the person was a member; NotFoundException for an unknown person */
    public boolean remove(UUID workspaceId, String username) {
        UUID userId = userId(username);
        boolean removed = Boolean.TRUE.equals(
                commands.sendAndWait(new RemoveMemberCommand(workspaceId, userId, clock.instant())));
        cache.remove(userId);
        return removed;
    }

    private boolean nameTaken(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from workspaces where name = ?)",
                Boolean.class, name));
    }

    private static boolean causedByDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException
                    || t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private UUID userId(String username) {
        return jdbc.query("select id from users where username = ?", (rs, i) -> (UUID) rs.getObject("id"),
                        username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("no user " + username));
    }

    private Memberships memberships(UUID userId) {
        Memberships cached = cache.get(userId);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < ROLE_CACHE_TTL.toNanos()) {
            return cached;
        }
        Map<UUID, WorkspaceRole> roles = new ConcurrentHashMap<>();
        jdbc.query("select workspace_id, role from workspace_members where user_id = ?",
                rs -> {
                    roles.put((UUID) rs.getObject("workspace_id"), WorkspaceRole.fromWire(rs.getString("role")).orElseThrow());
                }, userId);
        List<UUID> defaults = jdbc.query("select default_workspace_id from users where id = ?",
                (rs, i) -> (UUID) rs.getObject(1), userId); // one row, its value null when in no workspace
        UUID defaultWorkspace = defaults.isEmpty() ? null : defaults.get(0);
        Memberships loaded = new Memberships(Map.copyOf(roles), defaultWorkspace, now);
        cache.put(userId, loaded);
        return loaded;
    }
}
