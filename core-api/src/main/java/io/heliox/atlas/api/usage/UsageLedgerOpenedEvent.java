package io.heliox.atlas.api.usage;

import java.util.UUID;

/**
 * A workspace's usage ledger begins: recorded by a first command that decides nothing else (a
 * check, a release), so the ledger exists, under its id, from its first command on.
 */
public record UsageLedgerOpenedEvent(UUID workspaceId) {
}
