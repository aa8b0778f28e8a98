package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.PhaseStep;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.RunOptions;
import io.heliox.atlas.api.run.OrchestratorEvent;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mock nodes emit the production schemas, follow the prompt, and are deterministic by seed. */
class MockPhaseNodesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final ContractSchemas contracts = new ContractSchemas();
    private final MockPhaseNodes nodes = new MockPhaseNodes(TestLinks.INSTANCE);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Create MA crossover strategy | 42",
            "aggressive RSI mean reversion on BTC, 15m, long only | 7",
            "conservative gold swing trading with bollinger bands and ATR stops | 123456789",
            "x | 0"})
    void everyStepValidatesAgainstTheContract(String prompt, long seed) {
        List<JsonNode> events = runAll(prompt, seed);
        assertThat(events).hasSize(7);
        for (JsonNode event : events) {
            assertThat(contracts.validate(ContractSchemas.ORCHESTRATOR_EVENT, event)).as(event.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Create MA crossover strategy | 42",
            "aggressive RSI mean reversion on BTC, 15m, long only | 7",
            "conservative gold swing trading | 99"})
    void everyMockCandidatePassesTheDslValidator(String prompt, long seed) {
        StrategyValidator validator = new StrategyValidator();
        JsonNode candidates = runAll(prompt, seed).get(3).path("payload").path("candidates");
        assertThat(candidates.size()).isBetween(3, 5);
        for (JsonNode candidate : candidates) {
            Validation verdict = validator.validate(candidate);
            assertThat(verdict.errors()).as(candidate.path("id").asText()).isEmpty();
            assertThat(verdict.irHash()).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void theSameSeedGivesTheSamePayloads() {
        assertThat(runAll("Create MA crossover strategy", 42)).isEqualTo(runAll("Create MA crossover strategy", 42));
        assertThat(runAll("Create MA crossover strategy", 42)).isNotEqualTo(runAll("Create MA crossover strategy", 43));
    }

    @Test
    void theBlueprintFollowsThePrompt() {
        JsonNode blueprint = runAll("aggressive RSI mean reversion on BTCUSDT, 15m", 1).get(1).path("payload").path("blueprint");
        assertThat(blueprint.path("universe").toString()).contains("BTCUSDT");
        assertThat(blueprint.path("features").toString()).contains("RSI");
        assertThat(blueprint.path("timeframe").asText()).isEqualTo("15m");
        assertThat(blueprint.path("constraints").path("risk_bp").asInt()).isEqualTo(100);
    }

    @Test
    void packPicksTheCandidateWithTheBestSharpe() {
        List<JsonNode> events = runAll("Create MA crossover strategy", 42);
        JsonNode results = events.get(5).path("payload").path("results");
        String best = null;
        double bestSharpe = Double.NEGATIVE_INFINITY;
        for (JsonNode result : results) {
            if (result.path("metrics").path("sharpe").asDouble() > bestSharpe) {
                bestSharpe = result.path("metrics").path("sharpe").asDouble();
                best = result.path("candidateId").asText();
            }
        }
        assertThat(events.get(6).path("payload").path("manifest").path("strategyId").asText()).isEqualTo(best);
    }

    private List<JsonNode> runAll(String prompt, long seed) {
        RunId runId = RunId.of("6f1c0d3e-8a44-4d8e-9a51-2b7c1f0e9a10");
        RunOptions options = new RunOptions("mock", null, 10_000, 60_000, 30_000, 0);
        Map<Phase, JsonNode> artifacts = new EnumMap<>(Phase.class);
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < PhaseStep.SEQUENCE.size(); i++) {
            PhaseStep step = PhaseStep.SEQUENCE.get(i);
            JsonNode payload = nodes.perform(step, RunState.withArtifacts(runId, prompt, seed, options, artifacts), NOW);
            if (step.type() == io.heliox.atlas.api.PhaseEventType.ARTIFACT) {
                artifacts.put(step.phase(), payload);
            }
            events.add(new OrchestratorEvent(runId, i + 1, step.phase(), step.type(), NOW, payload).toJson());
        }
        return events;
    }
}
