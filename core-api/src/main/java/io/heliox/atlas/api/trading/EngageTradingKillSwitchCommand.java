package io.heliox.atlas.api.trading;

import io.heliox.atlas.api.workspace.RequiresRole;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Engages a kill switch over many sessions: an account's ({@code scope} "account", every session
 * trading for {@code accountId} in the workspace) or the installation's ({@code scope} "global",
 * every session; system administrators only). Its sessions halt at once and stay halted, new ones
 * included, until it is released.
 */
@RequiresRole(WorkspaceRole.TRADER)
public record EngageTradingKillSwitchCommand(@TargetAggregateIdentifier UUID switchId, String scope, String accountId,
                                             String principal, String reason, Instant at) {
}
