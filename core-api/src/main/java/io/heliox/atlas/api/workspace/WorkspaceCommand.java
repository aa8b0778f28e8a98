package io.heliox.atlas.api.workspace;

import java.util.UUID;

/** A command about a workspace itself (its members): it acts in that workspace, whatever the caller's current one. */
public interface WorkspaceCommand {
    UUID workspaceId();
}
