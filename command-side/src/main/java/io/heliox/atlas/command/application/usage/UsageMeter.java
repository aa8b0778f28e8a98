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
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final ExecutorService outside = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "usage-meter");
        thread.setDaemon(true);
        return thread;
    });
    private final Quotas defaults;
    private final Clock clock;

    /** @param defaults the installation's quotas ({@code ATLAS_QUOTA_*}), for what a workspace has not set */
    public UsageMeter(CommandGateway commands, Quotas defaults, Clock clock) {
        this.commands = commands;
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
     * Counts a run against the day and takes a slot for runs in flight, in the unit of work that
     * creates the run ({@link RunAdmission}): a run is admitted if and only if it is created.
     */
    void admitRun(UUID workspace, RunId runId) {
        commands.sendAndWait(new AdmitRunCommand(usageId(workspace), workspace, runId, today(), defaults,
                clock.instant()));
    }

    /** Replaces the workspace's own quotas (a person's act: the command bus lets only its admins through). */
    public void setQuotas(UUID workspace, Quotas quotas) {
        send("setting quotas", new SetQuotasCommand(usageId(workspace), workspace, quotas, clock.instant()));
    }

    /**
     * Gives a run's slot back, in the caller's unit of work when there is one (the run worker's, as
     * it handles the run's last event: that unit of work does nothing else, so the ledger is held
     * only for its commit). A race with another node's append fails that commit; the worker's
     * event comes again and the release is tried on the new state.
     */
    void releaseRun(UUID workspace, RunId runId) {
        ReleaseRunCommand release = new ReleaseRunCommand(usageId(workspace), workspace, runId, clock.instant());
        if (CurrentUnitOfWork.isStarted()) {
            commands.sendAndWait(release);
        } else {
            RaceRetry.retrying("releasing run " + runId, () -> commands.sendAndWait(release));
        }
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

    /**
     * Sends a command to a ledger and waits for it. Inside a unit of work (a run worker's step) it
     * is sent from a thread of its own and committed at once, not with the step: a command nested in
     * the step's unit of work would hold the ledger's lock until the step commits, and a step holds
     * a model call, so every other run, start and call of the workspace on this node would wait for
     * it. Metering on its own is right, too: what it records happened (a call was made), and the
     * step performed again meters under the same ids, once. The step's correlation data (principal,
     * workspace, trace) goes along.
     */
    private void send(String what, Object command) {
        if (!CurrentUnitOfWork.isStarted()) {
            RaceRetry.retrying(what, () -> commands.sendAndWait(command));
            return;
        }
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CurrentUnitOfWork.correlationData());
        Future<?> sent = outside.submit(() -> RaceRetry.retrying(what, () -> commands.sendAndWait(message)));
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }

    /** Stops the threads commands sent from units of work go out on. */
    public void close() {
        outside.shutdown();
    }
}
