package io.heliox.atlas.web.caller;

import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.command.application.identity.Principal;

import java.util.UUID;

/**
 * Who is calling and in which workspace: what every scoped controller is handed (the security
 * chain's workspace filter works it out once per request).
 *
 * @param workspaceId the workspace the request acts in; null when the caller has none
 * @param role        the caller's role there; null when not a member (a system administrator may still act)
 */
public record Caller(Principal principal, UUID workspaceId, WorkspaceRole role) {

    /** The request attribute the filter leaves it in. */
    public static final String ATTRIBUTE = Caller.class.getName();

    /** What the caller may read: everything for a system administrator, else the current workspace. */
    public Scope scope() {
        if (principal.systemAdmin()) {
            return Scope.all();
        }
        // the filter lets no scoped request through without a workspace; a scope of none sees nothing
        return workspaceId == null ? Scope.of(new UUID(0, 0)) : Scope.of(workspaceId);
    }
}
