package io.heliox.atlas.command.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.PhaseStep;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.CancelRunCommand;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.run.PhaseStatusReportedEvent;
import io.heliox.atlas.api.run.RecordPhaseEventCommand;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.StartRunCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
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
 * <p>The run accepts exactly the next step of {@link PhaseStep#SEQUENCE}; a step it already has is
 * a no-op (workers redeliver after a crash), and so is anything after the run ended; any other
 * step is rejected. An error of the current phase, a phase timeout, the run's time budget or a
 * cancel ends it FAILED.
 */
@Aggregate(snapshotTriggerDefinition = "")
public class Run {

    static final String PHASE_TIMEOUT = "phase-timeout";
    static final String TIME_BUDGET = "run-time-budget";
    static final String CANCELLED = "run.cancelled";
    static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private RunId runId;
    private int completedSteps;
    private boolean ended;
    private long phaseTimeoutMs;
    private String prompt;
    private long seed;

    protected Run() {
        // required by Axon to rebuild the run from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartRunCommand command, DeadlineManager deadlines) {
        if (runId != null) {
            if (!prompt.equals(command.prompt()) || seed != command.seed()) {
                throw new RunCommandRejectedException("run " + runId + " already exists with another prompt or seed");
            }
            return; // the same start delivered twice
        }
        apply(new RunCreatedEvent(command.runId(), command.prompt(), command.seed(), command.options(), command.at()));
        deadlines.schedule(Duration.ofMillis(command.options().timeMsLimit()), TIME_BUDGET);
        deadlines.schedule(Duration.ofMillis(phaseTimeoutMs), PHASE_TIMEOUT, Phase.ARCHITECT);
    }

    @CommandHandler
    public void handle(RecordPhaseEventCommand command, DeadlineManager deadlines) {
        PhaseStep step = new PhaseStep(command.phase(), command.type());
        if (alreadyRecorded(step)) {
            return;
        }
        if (ended) {
            // Nothing follows a terminal event. A late worker or deadline is not an error of its own:
            // it raced with the end (timeout, budget), so it is dropped rather than retried forever.
            return;
        }
        PhaseStep expected = PhaseStep.after(completedSteps);
        if (command.type() == PhaseEventType.ERROR) {
            if (command.phase() != expected.phase()) {
                throw new RunCommandRejectedException("run " + runId + " is in phase " + expected.phase().wireName()
                        + "; an error of " + command.phase().wireName() + " is not accepted");
            }
            apply(new PhaseFailedEvent(runId, command.phase(), command.payload(), command.at()));
            deadlines.cancelAllWithinScope(PHASE_TIMEOUT);
            deadlines.cancelAllWithinScope(TIME_BUDGET);
            return;
        }
        if (!step.equals(expected)) {
            throw new RunCommandRejectedException("run " + runId + " expects " + expected + " next, not " + step);
        }
        if (command.type() == PhaseEventType.STATUS) {
            apply(new PhaseStatusReportedEvent(runId, command.phase(), command.payload(), command.at()));
            return;
        }
        apply(new PhaseArtifactProducedEvent(runId, command.phase(), command.payload(), command.at()));
        deadlines.cancelAllWithinScope(PHASE_TIMEOUT);
        PhaseStep next = PhaseStep.after(completedSteps);
        if (next == null) {
            deadlines.cancelAllWithinScope(TIME_BUDGET);
        } else {
            deadlines.schedule(Duration.ofMillis(phaseTimeoutMs), PHASE_TIMEOUT, next.phase());
        }
    }

    /**
     * A cancel fails the current phase with {@code run.cancelled} and drops the run's deadlines. A
     * run that has ended (completed, failed, or cancelled before) stays as it is: cancelling is
     * idempotent, so a client or a node may repeat it safely.
     */
    @CommandHandler
    public void handle(CancelRunCommand command, DeadlineManager deadlines) {
        PhaseStep current = PhaseStep.after(completedSteps);
        if (ended || current == null) {
            return;
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            reason = reason.substring(0, reason.offsetByCodePoints(0, MAX_REASON_LENGTH));
        }
        String message = reason.isEmpty() ? "run cancelled on request" : "run cancelled on request: " + reason;
        apply(new PhaseFailedEvent(runId, current.phase(), error(CANCELLED, message, false), command.at()));
        deadlines.cancelAllWithinScope(PHASE_TIMEOUT);
        deadlines.cancelAllWithinScope(TIME_BUDGET);
    }

    @DeadlineHandler(deadlineName = PHASE_TIMEOUT)
    public void onPhaseTimeout(Phase phase) {
        PhaseStep expected = PhaseStep.after(completedSteps);
        if (ended || expected == null || expected.phase() != phase) {
            return; // a late deadline of a phase that finished in time
        }
        apply(new PhaseFailedEvent(runId, phase,
                error("phase.timeout", "phase " + phase.wireName() + " did not finish within " + phaseTimeoutMs + " ms", true),
                Instant.now()));
    }

    @DeadlineHandler(deadlineName = TIME_BUDGET)
    public void onTimeBudgetExceeded() {
        PhaseStep expected = PhaseStep.after(completedSteps);
        if (ended || expected == null) {
            return;
        }
        apply(new PhaseFailedEvent(runId, expected.phase(),
                error("budget.time_exceeded", "run exceeded its time budget (TIME_MS_LIMIT)", false), Instant.now()));
    }

    private boolean alreadyRecorded(PhaseStep step) {
        int index = PhaseStep.SEQUENCE.indexOf(step);
        return index >= 0 && index < completedSteps;
    }

    static JsonNode error(String code, String message, boolean retryable) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("code", code);
        payload.put("message", message);
        payload.put("retryable", retryable);
        return payload;
    }

    @EventSourcingHandler
    void on(RunCreatedEvent event) {
        runId = event.runId();
        prompt = event.prompt();
        seed = event.seed();
        phaseTimeoutMs = event.options().phaseTimeoutMs();
    }

    @EventSourcingHandler
    void on(PhaseStatusReportedEvent event) {
        completedSteps++;
    }

    @EventSourcingHandler
    void on(PhaseArtifactProducedEvent event) {
        completedSteps++;
        ended = completedSteps == PhaseStep.SEQUENCE.size();
    }

    @EventSourcingHandler
    void on(PhaseFailedEvent event) {
        ended = true;
    }
}
