package io.heliox.atlas.command.usage;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.heliox.atlas.api.usage.AdmitRunCommand;
import io.heliox.atlas.api.usage.BillingCustomerSetEvent;
import io.heliox.atlas.api.usage.SetBillingCustomerCommand;
import io.heliox.atlas.api.usage.CheckScenarioBarsCommand;
import io.heliox.atlas.api.usage.Meter;
import io.heliox.atlas.api.usage.ModelTokensReservedEvent;
import io.heliox.atlas.api.usage.Quota;
import io.heliox.atlas.api.usage.QuotaExceededException;
import io.heliox.atlas.api.usage.Quotas;
import io.heliox.atlas.api.usage.QuotasSetEvent;
import io.heliox.atlas.api.usage.RecordBacktestBarsCommand;
import io.heliox.atlas.api.usage.RecordModelCallCommand;
import io.heliox.atlas.api.usage.ReleaseRunCommand;
import io.heliox.atlas.api.usage.ReserveModelTokensCommand;
import io.heliox.atlas.api.usage.RunAdmittedEvent;
import io.heliox.atlas.api.usage.RunReleasedEvent;
import io.heliox.atlas.api.usage.SetQuotasCommand;
import io.heliox.atlas.api.usage.StoreObjectCommand;
import io.heliox.atlas.api.usage.UsageCommand;
import io.heliox.atlas.api.usage.UsageLedgerOpenedEvent;
import io.heliox.atlas.api.usage.UsageRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A workspace's usage ledger and the quotas it answers to: one stream per workspace
 * ({@code usage:<workspaceId>}), so every decision that could go over a quota is taken against
 * every earlier one, on whichever node (the event store's sequence numbers let only one writer of
 * a position win; the loser retries on the new state). Counters of the day reset when the first
 * command of a later UTC day arrives; the day is the command's, so replays decide alike.
 *
 * <p>Kept in memory between commands (every run start, model call and release asks it): another
 * node's append makes this node's next append conflict, which evicts it and retries on the stream
 * as it is. Snapshotted every {@code atlas.usage.snapshot-every} events (200; its stream grows with
 * every run and model call): its fields are its snapshot, written by Jackson.
 */
@Aggregate(snapshotTriggerDefinition = WorkspaceUsage.SNAPSHOT_TRIGGER, cache = WorkspaceUsage.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class WorkspaceUsage {

    /** The bean name of its snapshot trigger. */
    public static final String SNAPSHOT_TRIGGER = "workspaceUsageSnapshots";
    /** The bean name of its cache. */
    public static final String CACHE = "workspaceUsageCache";

    @AggregateIdentifier
    private String usageId;
    private UUID workspaceId;
    private Quotas quotas = Quotas.none();
    private LocalDate day;
    private long runsToday;
    private long tokensToday;
    private Map<String, Long> reservedToday = new HashMap<>();
    private Set<String> keysToday = new HashSet<>();
    private Set<String> runsInFlight = new HashSet<>();
    private Set<String> storedKeys = new HashSet<>();
    private long storedBytes;
    private long storedBars;
    private String billingCustomer;

    protected WorkspaceUsage() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetQuotasCommand command) {
        if (!command.quotas().equals(quotas) || usageId == null) {
            apply(new QuotasSetEvent(command.workspaceId(), command.quotas(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetBillingCustomerCommand command) {
        if (usageId == null || !Objects.equals(command.customerId(), billingCustomer)) {
            apply(new BillingCustomerSetEvent(command.workspaceId(), command.customerId(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdmitRunCommand command) {
        String runId = command.runId().toString();
        if (runsInFlight.contains(runId)) {
            return;
        }
        long today = sameDay(command.day()) ? runsToday : 0;
        refuseOver(Quota.RUNS_PER_DAY, command.defaults(), today, 1);
        refuseOver(Quota.CONCURRENT_RUNS, command.defaults(), runsInFlight.size(), 1);
        apply(new RunAdmittedEvent(command.workspaceId(), command.runId(), command.day(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReleaseRunCommand command) {
        // Recorded even when this copy holds no such run: a copy kept in this node's cache may be
        // behind another node's admission of it, and deciding "nothing to release" appends nothing,
        // so the copy would never learn; an append from a copy that is behind conflicts, and the
        // release is taken again on the stream as stored. A run's end reaches its ledger once (the
        // worker releases in the unit of work of the run's last event), so such events are rare.
        apply(new RunReleasedEvent(command.workspaceId(), command.runId(), command.at(),
                runsInFlight.contains(command.runId().toString())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReserveModelTokensCommand command) {
        boolean sameDay = sameDay(command.day());
        if (sameDay && (reservedToday.containsKey(command.callId()) || keysToday.contains(command.callId()))) {
            return;
        }
        long used = sameDay ? tokensToday + reservedToday.values().stream().mapToLong(Long::longValue).sum() : 0;
        refuseOver(Quota.MODEL_TOKENS_PER_DAY, command.defaults(), used, command.tokens());
        apply(new ModelTokensReservedEvent(command.workspaceId(), command.callId(), command.tokens(), command.day(),
                command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordModelCallCommand command) {
        if (sameDay(command.day()) && keysToday.contains(command.callId())) {
            return;
        }
        apply(new UsageRecordedEvent(command.workspaceId(), command.day(), Meter.MODEL_TOKENS, command.tokens(),
                command.provider(), command.model(), command.reference(), command.callId(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordBacktestBarsCommand command) {
        if (sameDay(command.day()) && keysToday.contains(command.key())) {
            return;
        }
        apply(new UsageRecordedEvent(command.workspaceId(), command.day(), Meter.BACKTEST_BARS, command.bars(), "", "",
                command.reference(), command.key(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CheckScenarioBarsCommand command) {
        refuseOver(Quota.SCENARIO_BARS_PER_REQUEST, command.defaults(), 0, command.bars());
        open(command.workspaceId());
    }

    /**
     * A command that decides nothing must still leave the ledger existing under its id (a stream,
     * and the cache, need one): the first such command opens it.
     */
    private void open(UUID workspace) {
        if (usageId == null) {
            apply(new UsageLedgerOpenedEvent(workspace));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StoreObjectCommand command) {
        if (storedKeys.contains(command.key())) {
            return;
        }
        refuseOver(Quota.STORAGE_BYTES, command.defaults(), storedBytes, command.bytes());
        if (command.scenarioBars() > 0) {
            refuseOver(Quota.SCENARIO_BARS_STORED, command.defaults(), storedBars, command.scenarioBars());
        }
        apply(new UsageRecordedEvent(command.workspaceId(), command.day(), Meter.STORAGE_BYTES, command.bytes(), "", "",
                command.key(), command.key(), command.at()));
        if (command.scenarioBars() > 0) {
            apply(new UsageRecordedEvent(command.workspaceId(), command.day(), Meter.SCENARIO_BARS,
                    command.scenarioBars(), "", "", command.key(), command.key(), command.at()));
        }
    }

    private void refuseOver(Quota quota, Quotas defaults, long used, long requested) {
        long limit = quotas.limit(quota, defaults);
        if (requested > limit - used) {
            throw new QuotaExceededException(quota, limit, used, requested);
        }
    }

    private boolean sameDay(LocalDate other) {
        return day != null && !other.isAfter(day);
    }

    /** A later day starts with empty counters; what is held across days (slots, storage) stays. */
    private void enter(LocalDate eventDay) {
        if (day == null || eventDay.isAfter(day)) {
            day = eventDay;
            runsToday = 0;
            tokensToday = 0;
            reservedToday = new HashMap<>();
            keysToday = new HashSet<>();
        }
    }

    private void identify(UUID workspace) {
        if (usageId == null) {
            usageId = UsageCommand.usageId(workspace);
            workspaceId = workspace;
        }
    }

    @EventSourcingHandler
    void on(UsageLedgerOpenedEvent event) {
        identify(event.workspaceId());
    }

    @EventSourcingHandler
    void on(QuotasSetEvent event) {
        identify(event.workspaceId());
        quotas = event.quotas();
    }

    @EventSourcingHandler
    void on(BillingCustomerSetEvent event) {
        identify(event.workspaceId());
        billingCustomer = event.customerId();
    }

    @EventSourcingHandler
    void on(RunAdmittedEvent event) {
        identify(event.workspaceId());
        enter(event.day());
        runsToday++;
        runsInFlight.add(event.runId().toString());
    }

    @EventSourcingHandler
    void on(RunReleasedEvent event) {
        identify(event.workspaceId());
        runsInFlight.remove(event.runId().toString());
    }

    @EventSourcingHandler
    void on(ModelTokensReservedEvent event) {
        identify(event.workspaceId());
        enter(event.day());
        if (!event.day().isBefore(day)) {
            reservedToday.put(event.callId(), event.tokens());
        }
    }

    @EventSourcingHandler
    void on(UsageRecordedEvent event) {
        identify(event.workspaceId());
        enter(event.day());
        boolean today = !event.day().isBefore(day);
        switch (event.meter()) {
            case MODEL_TOKENS -> {
                if (today) {
                    reservedToday.remove(event.key());
                    tokensToday += event.quantity();
                    keysToday.add(event.key());
                }
            }
            case BACKTEST_BARS -> {
                if (today) {
                    keysToday.add(event.key());
                }
            }
            case STORAGE_BYTES -> {
                storedKeys.add(event.key());
                storedBytes += event.quantity();
            }
            case SCENARIO_BARS -> storedBars += event.quantity();
            case RUNS -> { } // runs are counted by RunAdmittedEvent
        }
    }
}
