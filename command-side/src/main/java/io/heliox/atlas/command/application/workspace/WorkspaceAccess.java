package io.heliox.atlas.command.application.workspace;

import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.api.identity.AccountCommand;
import io.heliox.atlas.api.usage.UsageCommand;
import io.heliox.atlas.api.workspace.CreateWorkspaceCommand;
import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.api.workspace.WorkspaceAccessDeniedException;
import io.heliox.atlas.api.workspace.WorkspaceCommand;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.command.ownership.AggregateOwners;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side's one gate for workspaces, on the command bus: a person's command is handled only
 * when they hold the role its type {@link RequiresRole requires} in the command's workspace (a system
 * administrator holds every role everywhere), and only when the aggregate it targets, if it exists,
 * was created in that workspace; another workspace's aggregate answers as if it did not exist
 * ({@link NotFoundException}), so ids cannot be probed. Commands the system sends itself carry the
 * system principal, or (the run worker's, caused by an event) the correlation id of their cause;
 * they need no role and pass.
 */
public class WorkspaceAccess implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The metadata keys this gate reads; the web layer writes them. */
    public static final String PRINCIPAL = "principal";
    public static final String SYSTEM_PRINCIPAL = "system";
    private static final String CORRELATION_ID = "correlationId";

    private record Person(UUID id, boolean systemAdmin) {
    }

    private final WorkspaceService workspaces;
    private final JdbcTemplate jdbc;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final AggregateOwners owners;
    private static final long PERSON_TTL_NANOS = java.time.Duration.ofSeconds(5).toNanos();
    private final java.util.Map<String, KnownPerson> people = new java.util.concurrent.ConcurrentHashMap<>();

    public WorkspaceAccess(WorkspaceService workspaces, JdbcTemplate jdbc, AggregateOwners owners) {
        this.workspaces = workspaces;
        this.jdbc = jdbc;
        this.owners = owners;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object principal = command.getMetaData().get(PRINCIPAL);
        if (principal == null || SYSTEM_PRINCIPAL.equals(principal)) {
            return chain.proceed();
        }
        Person person = person(principal.toString())
                .orElseThrow(() -> new WorkspaceAccessDeniedException("unknown caller " + principal));
        Object payload = command.getPayload();
        if (payload instanceof CreateWorkspaceCommand create) {
            if (!create.creator().equals(person.id()) && !person.systemAdmin()) {
                throw new WorkspaceAccessDeniedException("a workspace is created with its creator as its admin");
            }
            return chain.proceed();
        }
        if (payload instanceof AccountCommand account) {
            if (!account.userId().equals(person.id()) && !person.systemAdmin()) {
                throw new WorkspaceAccessDeniedException("only a system administrator records facts about another's account");
            }
            return chain.proceed();
        }
        if (payload instanceof UsageCommand) {
            // metering is the system's bookkeeping, sent by its services on the person's behalf: the
            // operation that caused it was already let through
            return chain.proceed();
        }
        RequiresRole requires = payload.getClass().getAnnotation(RequiresRole.class);
        if (requires == null) {
            // The system's own commands (the run worker's) are caused by another message and carry its
            // correlation id, and its principal too: they pass. A person sending one directly does not.
            if (command.getMetaData().containsKey(CORRELATION_ID)) {
                return chain.proceed();
            }
            throw new WorkspaceAccessDeniedException(payload.getClass().getSimpleName() + " is not for people to send");
        }
        UUID workspace = payload instanceof WorkspaceCommand w ? w.workspaceId() : Scope.workspaceOf(command);
        if (workspace == null) {
            throw new WorkspaceAccessDeniedException("the command names no workspace");
        }
        if (!person.systemAdmin()) {
            Optional<WorkspaceRole> role = workspaces.role(person.id(), workspace);
            if (role.isEmpty()) {
                throw new NotFoundException("no workspace " + workspace);
            }
            if (!role.get().includes(requires.value())) {
                throw new WorkspaceAccessDeniedException(payload.getClass().getSimpleName() + " needs the role "
                        + requires.value().wireName() + " in the workspace; the caller is " + role.get().wireName());
            }
        }
        if (!(payload instanceof WorkspaceCommand)) {
            String target = targets.resolveTarget(command).getIdentifier();
            Optional<String> owner = owners.owner(target);
            if (owner.isPresent() && !person.systemAdmin() && !owner.get().equals(workspace.toString())) {
                throw new NotFoundException("no " + command.getPayloadType().getSimpleName()
                        .replace("Command", "") + " target " + target + " in this workspace");
            }
        }
        return chain.proceed();
    }

    /**
     * Who sent the command, looked up once every 5 s per name (a run's worker sends a dozen
     * commands in its starter's name): a user's id never changes, and whether they are a system
     * administrator changes only through the database, like roles, whose cache is as long.
     */
    private Optional<Person> person(String username) {
        KnownPerson known = people.get(username);
        long now = System.nanoTime();
        if (known != null && now - known.atNanos() < PERSON_TTL_NANOS) {
            return Optional.of(known.person());
        }
        List<Person> rows = jdbc.query("select id, system_admin from users where username = ?",
                (rs, i) -> new Person((UUID) rs.getObject("id"), rs.getBoolean("system_admin")), username);
        rows.stream().findFirst().ifPresent(person -> {
            if (people.size() > 10_000) {
                people.clear(); // a bound, not an eviction policy: names are few, and a miss costs one query
            }
            people.put(username, new KnownPerson(person, now));
        });
        return rows.stream().findFirst();
    }

    private record KnownPerson(Person person, long atNanos) {
    }
}
