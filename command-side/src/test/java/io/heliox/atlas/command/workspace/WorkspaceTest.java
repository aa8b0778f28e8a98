package io.heliox.atlas.command.workspace;

import io.heliox.atlas.api.workspace.CreateWorkspaceCommand;
import io.heliox.atlas.api.workspace.MemberRemovedEvent;
import io.heliox.atlas.api.workspace.MemberRoleSetEvent;
import io.heliox.atlas.api.workspace.RemoveMemberCommand;
import io.heliox.atlas.api.workspace.SetMemberRoleCommand;
import io.heliox.atlas.api.workspace.WorkspaceCreatedEvent;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.api.workspace.WorkspaceRuleException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

class WorkspaceTest {

    private static final UUID WS = UUID.fromString("5b0c2f4e-8a61-4c55-9d4f-1f0a3c2e7b10");
    private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000a11c");
    private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000b0b");
    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    private final AggregateTestFixture<Workspace> fixture = new AggregateTestFixture<>(Workspace.class);

    @Test
    void aWorkspaceStartsWithItsCreatorAsAdmin() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkspaceCommand(WS, "Quant desk", ALICE, T))
                .expectEvents(new WorkspaceCreatedEvent(WS, "Quant desk", ALICE, T),
                        new MemberRoleSetEvent(WS, ALICE, WorkspaceRole.ADMIN, T));
    }

    @Test
    void anAdminAddsAMemberAndChangesTheirRoleAndTheSameRoleAgainIsANoOp() {
        fixture.given(created())
                .when(new SetMemberRoleCommand(WS, BOB, WorkspaceRole.VIEWER, T))
                .expectEvents(new MemberRoleSetEvent(WS, BOB, WorkspaceRole.VIEWER, T))
                .expectResultMessagePayload(true);
        fixture.given(created(new MemberRoleSetEvent(WS, BOB, WorkspaceRole.VIEWER, T)))
                .when(new SetMemberRoleCommand(WS, BOB, WorkspaceRole.VIEWER, T))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theLastAdminCanNeitherStepDownNorLeave() {
        fixture.given(created())
                .when(new SetMemberRoleCommand(WS, ALICE, WorkspaceRole.TRADER, T))
                .expectException(WorkspaceRuleException.class);
        fixture.given(created())
                .when(new RemoveMemberCommand(WS, ALICE, T))
                .expectException(WorkspaceRuleException.class);
    }

    @Test
    void withASecondAdminTheFirstMayLeave() {
        fixture.given(created(new MemberRoleSetEvent(WS, BOB, WorkspaceRole.ADMIN, T)))
                .when(new RemoveMemberCommand(WS, ALICE, T))
                .expectEvents(new MemberRemovedEvent(WS, ALICE, T))
                .expectResultMessagePayload(true);
    }

    @Test
    void removingSomeoneWhoIsNotAMemberIsANoOp() {
        fixture.given(created())
                .when(new RemoveMemberCommand(WS, BOB, T))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    /** Alice's workspace, and what happened in it since. */
    private static List<Object> created(Object... since) {
        List<Object> events = new ArrayList<>(List.of(new WorkspaceCreatedEvent(WS, "Quant desk", ALICE, T),
                new MemberRoleSetEvent(WS, ALICE, WorkspaceRole.ADMIN, T)));
        events.addAll(List.of(since));
        return events;
    }
}
