package io.heliox.atlas.command.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.run.CancelRunCommand;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.run.PhaseStatusReportedEvent;
import io.heliox.atlas.api.run.RecordPhaseEventCommand;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.StartRunCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;

/** The rules of a run, as a product person would state them. */
class RunTest {

    private static final RunId RUN = new RunId(UUID.fromString("6f1c0d3e-8a44-4d8e-9a51-2b7c1f0e9a10"));
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final RunOptions OPTIONS = new RunOptions("mock", null, 10_000, 60_000, 30_000, 0);
    private static final JsonNode MSG = JsonNodeFactory.instance.objectNode().put("msg", "working");
    private static final JsonNode ARTIFACT = JsonNodeFactory.instance.objectNode().put("result", 1);
    private static final JsonNode ERROR = JsonNodeFactory.instance.objectNode().put("code", "x").put("message", "boom");

    private AggregateTestFixture<Run> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Run.class);
    }

    private static RunCreatedEvent created() {
        return new RunCreatedEvent(RUN, "Create MA crossover strategy", 42, OPTIONS, T);
    }

    private static RecordPhaseEventCommand record(Phase phase, PhaseEventType type, JsonNode payload) {
        return new RecordPhaseEventCommand(RUN, phase, type, payload, T);
    }

    private static Object[] stepsUpToPack() {
        return new Object[] {
                created(),
                new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, MSG, T),
                new PhaseArtifactProducedEvent(RUN, Phase.ARCHITECT, ARTIFACT, T),
                new PhaseStatusReportedEvent(RUN, Phase.SYNTH, MSG, T),
                new PhaseArtifactProducedEvent(RUN, Phase.SYNTH, ARTIFACT, T),
                new PhaseStatusReportedEvent(RUN, Phase.T0, MSG, T),
                new PhaseArtifactProducedEvent(RUN, Phase.T0, ARTIFACT, T)};
    }

    @Test
    void startingARunCreatesItAndArmsItsDeadlines() {
        fixture.givenNoPriorActivity()
                .when(new StartRunCommand(RUN, "Create MA crossover strategy", 42, OPTIONS, T))
                .expectEvents(created())
                .expectScheduledDeadlineWithName(Duration.ofMillis(30_000), Run.PHASE_TIMEOUT)
                .expectScheduledDeadlineWithName(Duration.ofMillis(60_000), Run.TIME_BUDGET);
    }

    @Test
    void startingTheSameRunTwiceIsANoOp() {
        fixture.given(created())
                .when(new StartRunCommand(RUN, "Create MA crossover strategy", 42, OPTIONS, T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reusingARunIdForAnotherPromptIsRejected() {
        fixture.given(created())
                .when(new StartRunCommand(RUN, "something else", 42, OPTIONS, T))
                .expectException(RunCommandRejectedException.class);
    }

    @Test
    void theFirstPhaseEventIsTheArchitectStatus() {
        fixture.given(created())
                .when(record(Phase.ARCHITECT, PhaseEventType.STATUS, MSG))
                .expectEvents(new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, MSG, T));
    }

    @Test
    void phasesCannotBeSkipped() {
        fixture.given(created())
                .when(record(Phase.SYNTH, PhaseEventType.STATUS, MSG))
                .expectException(RunCommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void anArtifactNeedsItsStatusFirst() {
        fixture.given(created())
                .when(record(Phase.ARCHITECT, PhaseEventType.ARTIFACT, ARTIFACT))
                .expectException(RunCommandRejectedException.class);
    }

    @Test
    void aRedeliveredStepIsANoOp() {
        fixture.given(created(), new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, MSG, T))
                .when(record(Phase.ARCHITECT, PhaseEventType.STATUS, MSG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPhaseArtifactMovesTheTimeoutToTheNextPhase() {
        fixture.given(created(), new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, MSG, T))
                .when(record(Phase.ARCHITECT, PhaseEventType.ARTIFACT, ARTIFACT))
                .expectEvents(new PhaseArtifactProducedEvent(RUN, Phase.ARCHITECT, ARTIFACT, T))
                .expectScheduledDeadlineWithName(Duration.ofMillis(30_000), Run.PHASE_TIMEOUT);
    }

    @Test
    void thePackArtifactCompletesTheRunAndClearsItsDeadlines() {
        fixture.given(stepsUpToPack())
                .when(record(Phase.PACK, PhaseEventType.ARTIFACT, ARTIFACT))
                .expectEvents(new PhaseArtifactProducedEvent(RUN, Phase.PACK, ARTIFACT, T))
                .expectNoScheduledDeadlines();
    }

    @Test
    void noEventFollowsTheTerminalArtifact() {
        Object[] history = java.util.stream.Stream.concat(java.util.Arrays.stream(stepsUpToPack()),
                java.util.stream.Stream.of(new PhaseArtifactProducedEvent(RUN, Phase.PACK, ARTIFACT, T))).toArray();
        fixture.given(history)
                .when(record(Phase.PACK, PhaseEventType.ERROR, ERROR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anErrorOfTheCurrentPhaseFailsTheRun() {
        fixture.given(created(), new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, MSG, T))
                .when(record(Phase.ARCHITECT, PhaseEventType.ERROR, ERROR))
                .expectEvents(new PhaseFailedEvent(RUN, Phase.ARCHITECT, ERROR, T))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anErrorOfAnotherPhaseIsRejected() {
        fixture.given(created())
                .when(record(Phase.T0, PhaseEventType.ERROR, ERROR))
                .expectException(RunCommandRejectedException.class);
    }

    @Test
    void noEventFollowsAFailure() {
        fixture.given(created(), new PhaseFailedEvent(RUN, Phase.ARCHITECT, ERROR, T))
                .when(record(Phase.ARCHITECT, PhaseEventType.STATUS, MSG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPhaseThatOverrunsItsTimeoutFailsTheRun() {
        fixture.givenCommands(new StartRunCommand(RUN, "Create MA crossover strategy", 42, OPTIONS, T))
                .whenTimeElapses(Duration.ofMillis(30_001))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(matches(
                        e -> e instanceof PhaseFailedEvent f && f.phase() == Phase.ARCHITECT
                                && f.payload().path("code").asText().equals("phase.timeout"))), andNoMore()));
    }

    @Test
    void onlyTheCurrentPhaseCanTimeOut() {
        // architect finished in time: when its old deadline would have fired, it is synth that times out
        fixture.givenCommands(new StartRunCommand(RUN, "Create MA crossover strategy", 42, OPTIONS, T),
                        record(Phase.ARCHITECT, PhaseEventType.STATUS, MSG),
                        record(Phase.ARCHITECT, PhaseEventType.ARTIFACT, ARTIFACT))
                .whenTimeElapses(Duration.ofMillis(30_001))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(matches(
                        e -> e instanceof PhaseFailedEvent f && f.phase() == Phase.SYNTH)), andNoMore()));
    }

    @Test
    void aRunOverItsTimeBudgetFails() {
        RunOptions tight = new RunOptions("mock", null, 10_000, 1_000, 30_000, 0);
        fixture.givenCommands(new StartRunCommand(RUN, "p", 1, tight, T))
                .whenTimeElapses(Duration.ofMillis(1_001))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(matches(
                        e -> e instanceof PhaseFailedEvent f
                                && f.payload().path("code").asText().equals("budget.time_exceeded"))), andNoMore()));
    }

    private static JsonNode cancelled(String message) {
        return new io.heliox.atlas.api.run.PhaseError("run.cancelled", message, false).toPayload();
    }

    @Test
    void cancellingARunFailsItsCurrentPhaseAndClearsItsDeadlines() {
        fixture.givenCommands(new StartRunCommand(RUN, "Create MA crossover strategy", 42, OPTIONS, T),
                        record(Phase.ARCHITECT, PhaseEventType.STATUS, MSG),
                        record(Phase.ARCHITECT, PhaseEventType.ARTIFACT, ARTIFACT))
                .when(new CancelRunCommand(RUN, "changed my mind", T))
                .expectEvents(new PhaseFailedEvent(RUN, Phase.SYNTH, cancelled("run cancelled on request: changed my mind"), T))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRunCanBeCancelledBeforeItsFirstPhaseEvent() {
        fixture.given(created())
                .when(new CancelRunCommand(RUN, null, T))
                .expectEvents(new PhaseFailedEvent(RUN, Phase.ARCHITECT, cancelled("run cancelled on request"), T));
    }

    @Test
    void aCancelledRunNeverTimesOut() {
        fixture.givenCommands(new StartRunCommand(RUN, "Create MA crossover strategy", 42, OPTIONS, T),
                        new CancelRunCommand(RUN, "  ", T))
                .whenTimeElapses(Duration.ofMillis(120_000))
                .expectNoEvents();
    }

    @Test
    void cancellingTwiceIsANoOp() {
        fixture.given(created(), new PhaseFailedEvent(RUN, Phase.ARCHITECT, cancelled("run cancelled on request"), T))
                .when(new CancelRunCommand(RUN, "again", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancellingACompletedRunIsANoOp() {
        Object[] history = java.util.stream.Stream.concat(java.util.Arrays.stream(stepsUpToPack()),
                java.util.stream.Stream.of(new PhaseArtifactProducedEvent(RUN, Phase.PACK, ARTIFACT, T))).toArray();
        fixture.given(history)
                .when(new CancelRunCommand(RUN, "too late", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancellingAFailedRunIsANoOp() {
        fixture.given(created(), new PhaseFailedEvent(RUN, Phase.ARCHITECT, ERROR, T))
                .when(new CancelRunCommand(RUN, null, T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStepThatArrivesAfterTheCancelIsDropped() {
        fixture.given(created(), new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, MSG, T),
                        new PhaseFailedEvent(RUN, Phase.ARCHITECT, cancelled("run cancelled on request"), T))
                .when(record(Phase.ARCHITECT, PhaseEventType.ARTIFACT, ARTIFACT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aVeryLongReasonIsCutTo500Characters() {
        String reason = "x".repeat(2_000);
        fixture.given(created())
                .when(new CancelRunCommand(RUN, reason, T))
                .expectEvents(new PhaseFailedEvent(RUN, Phase.ARCHITECT,
                        cancelled("run cancelled on request: " + "x".repeat(500)), T));
    }

    @Test
    void cancellingAnUnknownRunFails() {
        fixture.givenNoPriorActivity()
                .when(new CancelRunCommand(RUN, null, T))
                .expectException(AggregateNotFoundException.class);
    }

    private static JsonNode checkpoint(String step, int n) {
        var payload = JsonNodeFactory.instance.objectNode().put("msg", step);
        payload.putObject("checkpoint").put("step", step).put("n", n).putObject("state");
        return payload;
    }

    @Test
    void aPhaseRecordsEachOfItsCheckpointsOnce() {
        fixture.given(created(), new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, checkpoint("architect.parse_req", 1), T))
                .when(record(Phase.ARCHITECT, PhaseEventType.STATUS, checkpoint("architect.llm_call", 1)))
                .expectEvents(new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, checkpoint("architect.llm_call", 1), T));
        fixture.given(created(), new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, checkpoint("architect.parse_req", 1), T),
                        new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, checkpoint("architect.llm_call", 1), T))
                .when(record(Phase.ARCHITECT, PhaseEventType.STATUS, checkpoint("architect.llm_call", 1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void iterationsOfOneSubStepAreDistinctCheckpoints() {
        fixture.given(created(), new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, MSG, T),
                        new PhaseArtifactProducedEvent(RUN, Phase.ARCHITECT, ARTIFACT, T),
                        new PhaseStatusReportedEvent(RUN, Phase.SYNTH, checkpoint("synth.llm_iter", 1), T))
                .when(record(Phase.SYNTH, PhaseEventType.STATUS, checkpoint("synth.llm_iter", 2)))
                .expectEvents(new PhaseStatusReportedEvent(RUN, Phase.SYNTH, checkpoint("synth.llm_iter", 2), T));
    }

    @Test
    void aLateStatusOfAFinishedPhaseIsDropped() {
        fixture.given(created(), new PhaseStatusReportedEvent(RUN, Phase.ARCHITECT, MSG, T),
                        new PhaseArtifactProducedEvent(RUN, Phase.ARCHITECT, ARTIFACT, T))
                .when(record(Phase.ARCHITECT, PhaseEventType.STATUS, checkpoint("architect.llm_call", 1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
