package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseStatusReportedEvent;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.RunPhaseEvent;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.orch.ArchitectNode;
import io.heliox.atlas.command.metering.StepMeters;
import io.heliox.atlas.command.orch.SynthNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.engine.dsl.SchemaGate;
import io.heliox.atlas.llm.LlmCall;
import io.heliox.atlas.llm.LlmProvider;
import io.heliox.atlas.llm.LlmReply;
import io.heliox.atlas.llm.guard.SecretMasker;
import io.heliox.atlas.llm.local.LocalModel;
import io.heliox.atlas.llm.prompt.PromptTemplates;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The llm-mode phases as checkpointed sub-steps: the order of the checkpoints, one paid call per
 * paid sub-step, and a restart from any checkpoint that makes no call a second time.
 */
class LlmPhaseNodesTest {

    private static final RunId RUN = RunId.of("6f1c0d3e-8a44-4d8e-9a51-2b7c1f0e9a10");
    private static final RunOptions OPTIONS = new RunOptions("llm", null, 10_000, 60_000, 30_000, 0);

    /** The local model, counting the calls that reach it. */
    private static final class Counting implements LlmProvider {
        final AtomicInteger calls = new AtomicInteger();
        final LocalModel model = new LocalModel();

        @Override
        public String name() {
            return "local";
        }

        @Override
        public LlmReply complete(LlmCall call) {
            calls.incrementAndGet();
            return model.complete(call);
        }
    }

    /** Object storage as a map: this test is about the sub-steps; the S3 path is OrchApiTest's. */
    private static final class MapStore implements io.heliox.atlas.command.storage.ObjectStore {
        final Map<String, byte[]> objects = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void put(String key, byte[] content, String contentType) {
            objects.put(key, content.clone());
        }

        @Override
        public java.util.Optional<byte[]> get(String key) {
            return java.util.Optional.ofNullable(objects.get(key));
        }

        @Override
        public boolean exists(String key) {
            return objects.containsKey(key);
        }

        @Override
        public java.util.Optional<Long> size(String key) {
            return java.util.Optional.ofNullable(objects.get(key)).map(bytes -> (long) bytes.length);
        }

        @Override
        public List<String> list(String prefix) {
            return objects.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
        }
    }

    private final Counting model = new Counting();
    private final MapStore store = new MapStore();
    private final LlmPhaseNodes nodes;

    LlmPhaseNodesTest() {
        ContractSchemas schemas = new ContractSchemas();
        PromptTemplates templates = new PromptTemplates();
        SecretMasker masker = new SecretMasker(Map.of());
        SchemaGate gate = d -> schemas.validate(ContractSchemas.STRATEGY_DSL, d).stream()
                .map(v -> SchemaGate.violation(v.pointer(), v.message(), v.keyword())).toList();
        nodes = new LlmPhaseNodes(new ArchitectNode(model, LocalModel.MODEL_ID, templates, schemas, masker),
                new SynthNode(model, LocalModel.MODEL_ID, templates, schemas, gate, masker), new MockPhaseNodes(TestLinks.INSTANCE),
                new MockPhaseNodes(TestLinks.INSTANCE), store, Clock.systemUTC(), StepMeters.NONE);
    }

    /** Runs the architect and synth phases to their artifacts, as the worker would, one event at a time. */
    private List<PhaseNode.Step> runPhases(List<PhaseNode.Step> recorded) {
        List<PhaseNode.Step> events = new ArrayList<>(recorded);
        while (true) {
            RunState history = history(events);
            if (history.phase() == Phase.T0) {
                return events;
            }
            events.add(nodes.next(history, Instant.now()));
        }
    }

    /** The run after these steps, folded as the worker folds the run's stream. */
    private static RunState history(List<PhaseNode.Step> events) {
        Instant now = Instant.now();
        RunState run = RunState.created(new RunCreatedEvent(RUN, "Create MA crossover strategy", 42, OPTIONS, now));
        long seq = 0;
        for (PhaseNode.Step e : events) {
            RunPhaseEvent event = e.type() == PhaseEventType.STATUS
                    ? new PhaseStatusReportedEvent(RUN, run.phase(), e.payload(), now)
                    : new PhaseArtifactProducedEvent(RUN, run.phase(), e.payload(), now);
            run = run.then(event, ++seq);
        }
        return run;
    }

    /** The events as text with wall times taken out (the only part of a sub-step that is not deterministic). */
    private static List<String> withoutTimings(List<PhaseNode.Step> events) {
        return events.stream().map(e -> e.type() + " " + e.payload().toString().replaceAll("\"latency_ms\":\\d+", "")).toList();
    }

    @Test
    void eachPhaseIsASequenceOfCheckpointsThenItsArtifact() {
        List<PhaseNode.Step> events = runPhases(List.of());
        assertThat(events).extracting(e -> e.type() == PhaseEventType.STATUS
                        ? e.payload().at("/checkpoint/step").asText() + "#" + e.payload().at("/checkpoint/n").asInt()
                        : "artifact")
                .containsExactly("architect.parse_req#1", "architect.llm_call#1", "artifact",
                        "synth.prepare_blueprint#1", "synth.llm_iter#1", "artifact");
        assertThat(model.calls.get()).as("one call for the blueprint, one for all candidates").isEqualTo(2);
        assertThat(events.get(1).payload().at("/llm/calls")).hasSize(1);
        assertThat(events.get(5).payload().get("candidates").size()).isBetween(3, 5);
        assertThat(store.list("runs/" + RUN + "/")).containsExactly("runs/" + RUN + "/blueprint.json",
                "runs/" + RUN + "/candidates.json");
        assertThat(events.get(2).payload().at("/stored/key").asText()).isEqualTo("runs/" + RUN + "/blueprint.json");
    }

    @Test
    void restartingFromAnyCheckpointPaysForNothingTwice() {
        List<PhaseNode.Step> full = runPhases(List.of());
        int paid = model.calls.get();
        for (int cut = 1; cut < full.size(); cut++) {
            model.calls.set(0);
            List<PhaseNode.Step> resumed = runPhases(full.subList(0, cut));
            long paidBefore = full.subList(0, cut).stream().filter(e -> e.payload().has("llm")).count();
            assertThat(model.calls.get()).as("calls after a restart at event %d", cut).isEqualTo(paid - paidBefore);
            assertThat(withoutTimings(resumed)).as("same events as without the restart").isEqualTo(withoutTimings(full));
        }
    }
}
