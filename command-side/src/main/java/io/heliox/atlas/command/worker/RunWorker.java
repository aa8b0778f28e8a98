package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.OrchestratorEvent;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseError;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.run.PhaseStatusReportedEvent;
import io.heliox.atlas.api.run.RecordPhaseEventCommand;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.metering.RunEndings;
import io.heliox.atlas.command.orch.LlmTrace;
import io.heliox.atlas.command.orch.NodeFailed;
import io.heliox.atlas.command.run.RunStates;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Drives runs forward: each event of a run (creation, a status, a non-final artifact) triggers the
 * next sub-step of the run's current phase, performed by a {@link PhaseNode} and recorded by a
 * command back to the run. It runs in a tracking event processor, outside the command that
 * produced the event; after a crash the processor redelivers from its token, and the run ignores a
 * step it already has, so no step is lost or doubled.
 *
 * <p>A run's terminal event (its package, or a failure of any cause) is passed to the
 * {@link RunEndings} in the same unit of work, so what the run held is given back exactly once.
 *
 * <p>Every payload is validated against the contract's OrchestratorEvent schema before it is
 * recorded; a node that breaks the contract fails its phase with {@code contract.violation}.
 */
@ProcessingGroup(RunWorker.PROCESSING_GROUP)
public class RunWorker {

    public static final String PROCESSING_GROUP = "run-worker";
    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final PhaseNode nodes;
    private final ContractSchemas contracts;
    private final RunEndings endings;
    private final Clock clock;

    public RunWorker(CommandGateway commands, EventStore eventStore, PhaseNode nodes, ContractSchemas contracts,
                     RunEndings endings, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.nodes = nodes;
        this.contracts = contracts;
        this.endings = endings;
        this.clock = clock;
    }

    @EventHandler
    void on(RunCreatedEvent event) {
        advance(event.runId(), 0);
    }

    @EventHandler
    void on(PhaseStatusReportedEvent event, @SequenceNumber long seq) {
        advance(event.runId(), seq);
    }

    @EventHandler
    void on(PhaseArtifactProducedEvent event, @SequenceNumber long seq, EventMessage<?> message) {
        if (event.terminal()) {
            endings.ended(event.runId(), message);
        } else {
            advance(event.runId(), seq);
        }
    }

    @EventHandler
    void on(PhaseFailedEvent event, EventMessage<?> message) {
        endings.ended(event.runId(), message);
    }

    /**
     * Performs the sub-step after event {@code seq}, only if that event is still the run's last:
     * after a crash the processor redelivers older events too, and acting on them would redo (and
     * pay again for) a sub-step whose checkpoint is already recorded. The newest event's delivery
     * carries the run forward.
     */
    private void advance(RunId runId, long seq) {
        RunState history = RunStates.read(eventStore, runId);
        if (history.ended() || history.lastSeq() != seq) {
            return;
        }
        pause(history.options().mockStepDelayMs());
        Phase phase = history.phase();
        PhaseEventType type;
        JsonNode payload;
        if (phase == history.options().failAt()) {
            type = PhaseEventType.ERROR;
            payload = new PhaseError("mock.injected_failure",
                    "phase " + phase.wireName() + " failed on request (options.failAt)", false).toPayload();
        } else {
            PhaseNode.Step step;
            try {
                step = nodes.next(history, clock.instant());
            } catch (NodeFailed failed) {
                log.warn("run {} {} failed: {} {}", runId, phase.wireName(), failed.code(), failed.getMessage());
                ObjectNode error = new PhaseError(failed.code(), failed.getMessage(), failed.retryable()).toPayload();
                if (!failed.calls().isEmpty()) { // paid calls before the failure still count against the budget
                    error.set("llm", LlmTrace.json(failed.calls(), List.of(), null));
                }
                commands.sendAndWait(new RecordPhaseEventCommand(runId, phase, PhaseEventType.ERROR, error,
                        clock.instant()));
                return;
            }
            type = step.type();
            payload = step.payload();
            List<Violation> violations = contracts.validate(ContractSchemas.ORCHESTRATOR_EVENT,
                    new OrchestratorEvent(runId, seq + 1, phase, type, clock.instant(), payload).toJson());
            if (!violations.isEmpty()) {
                log.error("run {} {}.{} broke the contract: {}", runId, phase.wireName(), type.wireName(), violations);
                type = PhaseEventType.ERROR;
                payload = new PhaseError("contract.violation", "the " + phase.wireName()
                        + " node produced a payload that violates the contract: " + violations.get(0), false).toPayload();
            }
        }
        commands.sendAndWait(new RecordPhaseEventCommand(runId, phase, type, payload, clock.instant()));
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a step delay (options.mockStepDelayMs)", e);
        }
    }
}
