package io.heliox.atlas.command.run;

import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.CancelRunCommand;
import io.heliox.atlas.api.run.Checkpoint;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseError;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.run.PhaseStatusReportedEvent;
import io.heliox.atlas.api.run.RecordPhaseEventCommand;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.RunPhaseEvent;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.api.run.StartRunCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A run: one trader prompt taken through architect → synth → t0 → pack. The phases are members of
 * the run (not aggregates of their own) so that every event of a run is in one stream and its
 * sequence number is the run's gapless {@code seq}.
 *
 * <p>Phases run in order. Within the current phase the run accepts any number of status events
 * (sub-step checkpoints, each once: its {@link Checkpoint#keyOf key} dedupes redeliveries), then
 * the artifact, which moves the run to the next phase; every phase but pack starts with a status.
 * A step it already has is a no-op (workers redeliver after a crash), and so is anything after the
 * run ended or anything of a phase it has left; a step of a later phase is rejected. An error of
 * the current phase, a phase timeout, the run's time budget or a cancel ends it FAILED.
 */
@Aggregate(snapshotTriggerDefinition = "")
public class Run {

    static final String PHASE_TIMEOUT = "phase-timeout";
    static final String TIME_BUDGET = "run-time-budget";
    static final String CANCELLED = "run.cancelled";
    static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private RunId runId;
    private RunState state; // the run as its events leave it: the one fold, shared with the worker and the readers

    protected Run() {
        // required by Axon to rebuild the run from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartRunCommand command, DeadlineManager deadlines) {
        if (runId != null) {
            if (!state.prompt().equals(command.prompt()) || state.seed() != command.seed()) {
                throw new RunCommandRejectedException("run " + runId + " already exists with another prompt or seed");
            }
            return; // the same start delivered twice
        }
        apply(new RunCreatedEvent(command.runId(), command.prompt(), command.seed(), command.options(), command.at()));
        deadlines.schedule(Duration.ofMillis(command.options().timeMsLimit()), TIME_BUDGET);
        deadlines.schedule(Duration.ofMillis(phaseTimeoutMs()), PHASE_TIMEOUT, Phase.ARCHITECT);
    }

    @CommandHandler
    public void handle(RecordPhaseEventCommand command, DeadlineManager deadlines) {
        Phase phase = state.phase();
        if (state.ended() || command.phase().ordinal() < phase.ordinal()) {
            // Nothing follows a terminal event, and a phase that is over takes nothing more. A late
            // worker or deadline is not an error of its own: it raced with the end or was redelivered.
            return;
        }
        if (command.phase() != phase) {
            throw new RunCommandRejectedException("run " + runId + " is in phase " + phase.wireName() + "; a "
                    + command.type().wireName() + " of " + command.phase().wireName() + " is not accepted");
        }
        switch (command.type()) {
            case ERROR -> {
                apply(new PhaseFailedEvent(runId, command.phase(), command.payload(), command.at()));
                deadlines.cancelAllWithinScope(PHASE_TIMEOUT);
                deadlines.cancelAllWithinScope(TIME_BUDGET);
            }
            case STATUS -> {
                if (!state.hasStatus(command.payload())) {
                    apply(new PhaseStatusReportedEvent(runId, command.phase(), command.payload(), command.at()));
                }
            }
            case ARTIFACT -> {
                if (state.statuses().isEmpty() && phase != Phase.PACK) {
                    throw new RunCommandRejectedException("run " + runId + ": the " + phase.wireName()
                            + " artifact needs a status of its phase first");
                }
                apply(new PhaseArtifactProducedEvent(runId, command.phase(), command.payload(), command.at()));
                deadlines.cancelAllWithinScope(PHASE_TIMEOUT);
                if (state.ended()) {
                    deadlines.cancelAllWithinScope(TIME_BUDGET);
                } else {
                    deadlines.schedule(Duration.ofMillis(phaseTimeoutMs()), PHASE_TIMEOUT, state.phase());
                }
            }
        }
    }

    /**
     * A cancel fails the current phase with {@code run.cancelled} and drops the run's deadlines. A
     * run that has ended (completed, failed, or cancelled before) stays as it is: cancelling is
     * idempotent, so a client or a node may repeat it safely.
     */
    @CommandHandler
    public void handle(CancelRunCommand command, DeadlineManager deadlines) {
        if (state.ended()) {
            return;
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            reason = reason.substring(0, reason.offsetByCodePoints(0, MAX_REASON_LENGTH));
        }
        String message = reason.isEmpty() ? "run cancelled on request" : "run cancelled on request: " + reason;
        apply(new PhaseFailedEvent(runId, state.phase(), new PhaseError(CANCELLED, message, false).toPayload(), command.at()));
        deadlines.cancelAllWithinScope(PHASE_TIMEOUT);
        deadlines.cancelAllWithinScope(TIME_BUDGET);
    }

    @DeadlineHandler(deadlineName = PHASE_TIMEOUT)
    public void onPhaseTimeout(Phase timedOut) {
        if (state.ended() || timedOut != state.phase()) {
            return; // a late deadline of a phase that finished in time
        }
        apply(new PhaseFailedEvent(runId, timedOut, new PhaseError("phase.timeout",
                "phase " + timedOut.wireName() + " did not finish within " + phaseTimeoutMs() + " ms", true).toPayload(),
                Instant.now()));
    }

    @DeadlineHandler(deadlineName = TIME_BUDGET)
    public void onTimeBudgetExceeded() {
        if (state.ended()) {
            return;
        }
        apply(new PhaseFailedEvent(runId, state.phase(),
                new PhaseError("budget.time_exceeded", "run exceeded its time budget (TIME_MS_LIMIT)", false).toPayload(),
                Instant.now()));
    }

    private long phaseTimeoutMs() {
        return state.options().phaseTimeoutMs();
    }

    @EventSourcingHandler
    void on(RunCreatedEvent event) {
        runId = event.runId();
        state = RunState.created(event);
    }

    @EventSourcingHandler
    void on(RunPhaseEvent event, @SequenceNumber long seq) {
        state = state.then(event, seq);
    }
}
