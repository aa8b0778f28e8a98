package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.artifact.Blueprint;
import io.heliox.atlas.api.artifact.Candidate;
import io.heliox.atlas.api.artifact.T0Artifact.Cell;
import io.heliox.atlas.api.artifact.T0Artifact.Ranked;
import io.heliox.atlas.api.artifact.T0Artifact.Scenario;
import io.heliox.atlas.command.application.backtest.EngineBacktests;
import io.heliox.atlas.command.orch.ArchitectNode;
import io.heliox.atlas.command.orch.SynthNode;
import io.heliox.atlas.command.orch.T0Evaluation;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's T0 gate on the real engine (object store + PostgreSQL behind the result cache): the
 * local model's candidates for a prompt, each on at least four scenarios with costs and a quick
 * Monte Carlo, ranked by the documented robust score, the same on a second evaluation.
 */
class T0EvaluationTest extends AtlasIntegrationTest {

    private static final T0Evaluation.DetailUrls URLS = (candidate, scenario) -> "/detail/" + candidate + "/" + scenario;

    @Autowired
    private ArchitectNode architect;
    @Autowired
    private SynthNode synth;
    @Autowired
    private EngineBacktests engine;

    @Test
    void candidatesAreBacktestedOnFourScenariosAndRankedByTheRobustScore() {
        long seed = System.nanoTime() % 1_000_000; // fresh results, not another test run's cache
        JsonNode document = architect.run("Create MA crossover strategy", seed).blueprint();
        Blueprint blueprint = Blueprint.of(document);
        List<Candidate> candidates = Candidate.listOf(synth.run(document, seed).candidates());
        T0Evaluation t0 = new T0Evaluation(engine);

        T0Evaluation.Result first = t0.evaluate(blueprint, candidates, seed, URLS);
        assertThat(first.scenarios()).extracting(Scenario::id)
                .containsExactly("trend-up", "trend-down", "mean-revert", "vol-high");
        assertThat(first.cells()).hasSize(candidates.size() * 4);
        assertThat(first.cells()).allSatisfy(c -> {
            assertThat(c.sharpe()).isFinite();
            assertThat(c.maxDrawdown()).isBetween(0.0, 1.0);
            assertThat(c.monteCarlo().path("sharpe_p5").asDouble()).isFinite();
            assertThat(c.detailUrl()).isEqualTo("/detail/" + c.candidateId() + "/" + c.scenarioId());
        });
        assertThat(first.ranking()).extracting(Ranked::rank).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, candidates.size()).boxed().toArray(Integer[]::new));
        double limit = document.at("/constraints/max_drawdown_pct").asDouble() / 100;
        for (Ranked r : first.ranking()) {
            List<Cell> own = first.cells().stream().filter(c -> c.candidateId().equals(r.candidateId())).toList();
            double worstSharpe = own.stream().mapToDouble(Cell::sharpe).min().orElseThrow();
            double worstMdd = own.stream().mapToDouble(Cell::maxDrawdown).max().orElseThrow();
            assertThat(r.score()).isEqualTo(worstSharpe - 5.0 * Math.max(0, worstMdd - limit));
        }
        for (int i = 1; i < first.ranking().size(); i++) {
            assertThat(first.ranking().get(i - 1).score()).isGreaterThanOrEqualTo(first.ranking().get(i).score());
        }

        T0Evaluation.Result again = t0.evaluate(blueprint, candidates, seed, URLS);
        assertThat(again.ranking()).isEqualTo(first.ranking());
        assertThat(again.cells()).extracting(Cell::signature)
                .containsExactlyElementsOf(first.cells().stream().map(Cell::signature).toList());
        assertThat(again.cells()).allSatisfy(c -> assertThat(c.cached()).isTrue());
    }

    @Test
    void aBreakoutBlueprintAddsTheShockScenario() {
        Blueprint blueprint = Blueprint.of(architect.run("Breakout strategy for BTC on new highs", 3).blueprint());
        assertThat(T0Evaluation.scenarios(blueprint, 3)).extracting(Scenario::id)
                .containsExactly("trend-up", "trend-down", "mean-revert", "vol-high", "shocks");
    }
}
