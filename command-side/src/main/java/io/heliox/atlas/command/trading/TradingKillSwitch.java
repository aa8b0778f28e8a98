package io.heliox.atlas.command.trading;

import io.heliox.atlas.api.trading.EngageTradingKillSwitchCommand;
import io.heliox.atlas.api.trading.ReleaseTradingKillSwitchCommand;
import io.heliox.atlas.api.trading.TradingKillSwitchEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A kill switch over many sessions: an account's in a workspace, or the installation's global one.
 * Its events are the audit of who engaged and released it and why; engaging an engaged switch or
 * releasing a released one records nothing. Its sessions follow through {@link KillSwitchFanOut}.
 */
@Aggregate
public class TradingKillSwitch {

    @AggregateIdentifier
    private UUID switchId;
    private boolean engaged;

    protected TradingKillSwitch() {
    }

    /** The global switch's id: one for the installation. */
    public static UUID globalId() {
        return UUID.nameUUIDFromBytes("atlas:kill-switch:global".getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the switch over {@code accountId}'s sessions in {@code workspace}. */
    public static UUID accountId(UUID workspace, String accountId) {
        return UUID.nameUUIDFromBytes(("atlas:kill-switch:account:" + workspace + ":" + accountId)
                .getBytes(StandardCharsets.UTF_8));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EngageTradingKillSwitchCommand command) {
        scope(command.scope(), command.accountId());
        if (!engaged) {
            apply(new TradingKillSwitchEvent(command.switchId(), command.scope(), command.accountId(), true,
                    command.principal(), command.reason() == null ? "" : command.reason(), command.at()));
        }
    }

    /**
     * A switch never engaged does not exist: releasing it is the caller's no-op (the service asks the
     * read model first).
     *
     * @throws IllegalArgumentException without a reason: releasing is an audited decision
     */
    @CommandHandler
    public void handle(ReleaseTradingKillSwitchCommand command) {
        scope(command.scope(), command.accountId());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("releasing a kill switch is an audited decision: give a reason");
        }
        if (engaged) {
            apply(new TradingKillSwitchEvent(command.switchId(), command.scope(), command.accountId(), false,
                    command.principal(), command.reason(), command.at()));
        }
    }

    private static void scope(String scope, String accountId) {
        if ("global".equals(scope) ? accountId != null : !"account".equals(scope) || accountId == null
                || accountId.isBlank()) {
            throw new IllegalArgumentException("a kill switch is an account's (with its id) or the global one, not "
                    + scope + " " + accountId);
        }
    }

    @EventSourcingHandler
    void on(TradingKillSwitchEvent event) {
        switchId = event.switchId();
        engaged = event.engaged();
    }
}
