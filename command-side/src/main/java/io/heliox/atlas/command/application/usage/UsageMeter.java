package io.heliox.atlas.command.application.usage;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.usage.AdmitRunCommand;
import io.heliox.atlas.api.usage.CheckScenarioBarsCommand;
import io.heliox.atlas.api.usage.QuotaExceededException;
import io.heliox.atlas.api.usage.Quotas;
import io.heliox.atlas.api.usage.RecordBacktestBarsCommand;
import io.heliox.atlas.api.usage.RecordModelCallCommand;
import io.heliox.atlas.api.usage.ReleaseRunCommand;
import io.heliox.atlas.api.usage.ReserveModelTokensCommand;
import io.heliox.atlas.api.usage.SetQuotasCommand;
import io.heliox.atlas.api.usage.StoreObjectCommand;
import io.heliox.atlas.command.concurrency.RaceRetry;
import io.heliox.atlas.command.metering.TokenMeter;
import io.heliox.atlas.llm.LlmReply;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.heliox.atlas.api.usage.UsageCommand.usageId;

/**
 * The one way usage reaches a workspace's ledger: each method is a command to its
 * {@link WorkspaceUsage}, retried when another node appended first ({@link RaceRetry}). Methods
 * that can go over a quota throw {@link QuotaExceededException}; the web answers it 429 naming the
 * quota. Days are UTC days of this service's clock.
 */
public class UsageMeter {

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Quotas defaults;
    private final Clock clock;

    /** @param defaults the installation's quotas ({@code ATLAS_QUOTA_*}), for what a workspace has not set */
    public UsageMeter(CommandGateway commands, TransactionTemplate transactions, Quotas defaults, Clock clock) {
        this.commands = commands;
        this.transactions = transactions;
        this.defaults = defaults;
        this.clock = clock;
    }

    public Quotas defaults() {
        return defaults;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Counts a run against the day, takes a slot for runs in flight and starts it, in one
     * transaction: a run is admitted if and only if it starts.
     *
     * @param start sends the run's start command
     */
    public void admitRun(UUID workspace, RunId runId, Runnable start) {
        RaceRetry.retrying("admitting run " + runId, () -> transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new AdmitRunCommand(usageId(workspace), workspace, runId, today(), defaults,
                    clock.instant()));
            start.run();
        }));
    }

    /** Replaces the workspace's own quotas (a person's act: the command bus lets only its admins through). */
    public void setQuotas(UUID workspace, Quotas quotas) {
        send("setting quotas", new SetQuotasCommand(usageId(workspace), workspace, quotas, clock.instant()));
    }

    public void releaseRun(UUID workspace, RunId runId) {
        send("releasing run " + runId, new ReleaseRunCommand(usageId(workspace), workspace, runId, clock.instant()));
    }

    /** Refuses a scenario of more bars than one request may ask for. */
    public void checkScenarioBars(UUID workspace, long bars) {
        send("checking a scenario's bars", new CheckScenarioBarsCommand(usageId(workspace), workspace, bars, defaults));
    }

    /** The workspace keeps an object: its bytes (and bars, for a scenario dataset) count against what it may keep. */
    public void store(UUID workspace, String key, long bytes, long scenarioBars) {
        send("storing " + key, new StoreObjectCommand(usageId(workspace), workspace, key, bytes, scenarioBars, today(),
                defaults, clock.instant()));
    }

    public void recordBacktestBars(UUID workspace, String key, String reference, long bars) {
        send("recording bars of " + key, new RecordBacktestBarsCommand(usageId(workspace), workspace, key, reference,
                bars, today(), clock.instant()));
    }

    /**
     * The meter of one step's model calls: the calls are numbered from {@code callPrefix} in the
     * order they are made, so the same step made again meters under the same ids.
     *
     * @param reference what the calls are for: a run id, or {@code orch}
     */
    public TokenMeter tokens(UUID workspace, String reference, String callPrefix) {
        AtomicInteger calls = new AtomicInteger();
        return new TokenMeter() {
            @Override
            public String reserve(long tokens) {
                String callId = callPrefix + "." + calls.incrementAndGet();
                send("reserving tokens for " + callId, new ReserveModelTokensCommand(usageId(workspace), workspace,
                        callId, tokens, today(), defaults, clock.instant()));
                return callId;
            }

            @Override
            public void record(String callId, LlmReply reply) {
                send("recording " + callId, new RecordModelCallCommand(usageId(workspace), workspace, callId, reference,
                        reply.provider(), reply.modelId(), reply.usage().total(), today(), clock.instant()));
            }

            @Override
            public void cancel(String callId) {
                send("releasing " + callId, new RecordModelCallCommand(usageId(workspace), workspace, callId,
                        reference, "", "", 0, today(), clock.instant()));
            }
        };
    }

    private void send(String what, Object command) {
        RaceRetry.retrying(what, () -> commands.sendAndWait(command));
    }
}
