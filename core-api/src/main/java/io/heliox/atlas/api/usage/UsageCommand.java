package io.heliox.atlas.api.usage;

import io.heliox.atlas.api.workspace.WorkspaceCommand;

import java.util.UUID;

/**
 * A command to a workspace's usage ledger ({@code WorkspaceUsage}, aggregate id
 * {@link #usageId(UUID)}). Metering is the system's own bookkeeping: application services send
 * these on a person's behalf (carrying their principal), never a request body.
 */
public interface UsageCommand extends WorkspaceCommand {

    String usageId();

    static String usageId(UUID workspaceId) {
        return "usage:" + workspaceId;
    }
}
