package io.heliox.atlas.api.trading;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Releases an account's or the global kill switch: an explicit, audited decision, so a reason is required. */
@RequiresRole(WorkspaceRole.TRADER)
public record ReleaseTradingKillSwitchCommand(@TargetAggregateIdentifier UUID switchId, String scope, String accountId,
                                              String principal, String reason, Instant at) {
}
