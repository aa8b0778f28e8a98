package io.heliox.atlas.api.usage;

import io.heliox.atlas.api.RunId;

import java.time.Instant;
import java.util.UUID;

/**
 * A run's end reached its workspace's ledger.
 *
 * @param heldSlot whether the run held a slot among the runs in flight until now; {@code false} for
 *                 a release the ledger had already taken (it is recorded all the same, see
 *                 {@code WorkspaceUsage}), {@code null} in events recorded before this field existed,
 *                 which were all written for runs that held one
 */
public record RunReleasedEvent(UUID workspaceId, RunId runId, Instant at, Boolean heldSlot) {

    /** Whether this release freed a slot (events recorded before {@link #heldSlot} existed all did). */
    public boolean freedSlot() {
        return heldSlot == null || heldSlot;
    }
}
