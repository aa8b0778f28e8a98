package io.heliox.atlas.command.workspace;

import io.heliox.atlas.api.workspace.CreateWorkspaceCommand;
import io.heliox.atlas.api.workspace.MemberRemovedEvent;
import io.heliox.atlas.api.workspace.MemberRoleSetEvent;
import io.heliox.atlas.api.workspace.RemoveMemberCommand;
import io.heliox.atlas.api.workspace.SetMemberRoleCommand;
import io.heliox.atlas.api.workspace.WorkspaceCreatedEvent;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.api.workspace.WorkspaceRuleException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A team and its members' roles. Its one rule: a workspace always has an admin, so nobody can lock
 * everyone out of it (the last admin can neither leave nor step down).
 */
@Aggregate
public class Workspace {

    @AggregateIdentifier
    private UUID workspaceId;
    private final Map<UUID, WorkspaceRole> members = new HashMap<>();

    protected Workspace() {
    }

    @CommandHandler
    public Workspace(CreateWorkspaceCommand command) {
        apply(new WorkspaceCreatedEvent(command.workspaceId(), command.name(), command.creator(), command.at()));
        apply(new MemberRoleSetEvent(command.workspaceId(), command.creator(), WorkspaceRole.ADMIN, command.at()));
    }

    /** @return true when the role changed, false when the member already had it */
    @CommandHandler
    public boolean handle(SetMemberRoleCommand command) {
        WorkspaceRole current = members.get(command.userId());
        if (current == command.role()) {
            return false;
        }
        if (current == WorkspaceRole.ADMIN && isLastAdmin(command.userId())) {
            throw new WorkspaceRuleException("the last admin of a workspace cannot step down; make another member admin first");
        }
        apply(new MemberRoleSetEvent(workspaceId, command.userId(), command.role(), command.at()));
        return true;
    }

    /** @return true when the person was a member */
    @CommandHandler
    public boolean handle(RemoveMemberCommand command) {
        WorkspaceRole current = members.get(command.userId());
        if (current == null) {
            return false;
        }
        if (current == WorkspaceRole.ADMIN && isLastAdmin(command.userId())) {
            throw new WorkspaceRuleException("the last admin of a workspace cannot leave it; make another member admin first");
        }
        apply(new MemberRemovedEvent(workspaceId, command.userId(), command.at()));
        return true;
    }

    private boolean isLastAdmin(UUID userId) {
        return members.entrySet().stream()
                .noneMatch(e -> !e.getKey().equals(userId) && e.getValue() == WorkspaceRole.ADMIN);
    }

    @EventSourcingHandler
    void on(WorkspaceCreatedEvent event) {
        workspaceId = event.workspaceId();
    }

    @EventSourcingHandler
    void on(MemberRoleSetEvent event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRemovedEvent event) {
        members.remove(event.userId());
    }
}
