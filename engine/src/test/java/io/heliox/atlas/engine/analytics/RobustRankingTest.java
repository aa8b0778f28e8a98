package io.heliox.atlas.engine.analytics;

import io.heliox.atlas.engine.analytics.RobustRanking.Observation;
import io.heliox.atlas.engine.analytics.RobustRanking.Ranked;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RobustRankingTest {

    private static final double PENALTY = 5.0;
    private static final double LIMIT = 0.2;

    @Test
    void aCandidateIsScoredByItsWorstScenario() {
        List<Ranked> ranking = RobustRanking.rank(List.of(
                new Observation("a", "up", 2.0, 0.05),
                new Observation("a", "down", -0.5, 0.10),
                new Observation("b", "up", 0.8, 0.05),
                new Observation("b", "down", 0.3, 0.08)), PENALTY, LIMIT);
        assertThat(ranking).extracting(Ranked::candidateId).containsExactly("b", "a");
        assertThat(ranking.get(0)).isEqualTo(new Ranked(1, "b", 0.3, 0.3, 0.08, "down"));
        assertThat(ranking.get(1)).isEqualTo(new Ranked(2, "a", -0.5, -0.5, 0.10, "down"));
    }

    @Test
    void onlyTheDrawdownBeyondTheLimitIsPenalised() {
        List<Ranked> ranking = RobustRanking.rank(List.of(
                new Observation("within", "s", 1.0, 0.2),
                new Observation("beyond", "s", 1.5, 0.4)), PENALTY, LIMIT);
        // beyond: 1.5 − 5 × (0.4 − 0.2) = 0.5
        assertThat(ranking).extracting(Ranked::candidateId).containsExactly("within", "beyond");
        assertThat(ranking.get(0).score()).isEqualTo(1.0);
        assertThat(ranking.get(1).score()).isCloseTo(0.5, within(1e-12));
        // the worst drawdown is taken over all scenarios, not the worst-Sharpe one's
        Ranked mixed = RobustRanking.rank(List.of(
                new Observation("m", "calm", 0.5, 0.1),
                new Observation("m", "crash", 0.9, 0.3)), PENALTY, LIMIT).get(0);
        assertThat(mixed.worstScenario()).isEqualTo("calm");
        assertThat(mixed.worstMaxDrawdown()).isEqualTo(0.3);
        assertThat(mixed.score()).isCloseTo(0.5 - PENALTY * 0.1, within(1e-12));
    }

    @Test
    void tiesGoToTheLowerDrawdownThenTheIdAndEqualSharpesKeepTheFirstScenario() {
        List<Ranked> ranking = RobustRanking.rank(List.of(
                new Observation("c", "x", 1.0, 0.10),
                new Observation("b", "x", 1.0, 0.05),
                new Observation("a", "x", 1.0, 0.10),
                new Observation("a", "y", 1.0, 0.02)), PENALTY, LIMIT);
        assertThat(ranking).extracting(Ranked::candidateId).containsExactly("b", "a", "c");
        assertThat(ranking).extracting(Ranked::rank).containsExactly(1, 2, 3);
        assertThat(ranking.get(1).worstScenario()).isEqualTo("x");
    }

    @Test
    void theRankingDoesNotDependOnTheOrderOfCandidates() {
        Random random = new Random(7);
        List<Observation> observations = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            for (String scenario : List.of("up", "down", "vol")) {
                observations.add(new Observation("c" + c, scenario, Math.round(random.nextGaussian() * 4) / 4.0,
                        Math.round(random.nextDouble() * 8) / 20.0));
            }
        }
        List<Ranked> expected = RobustRanking.rank(observations, PENALTY, LIMIT);
        List<List<Observation>> byCandidate = new ArrayList<>();
        for (int i = 0; i < observations.size(); i += 3) {
            byCandidate.add(observations.subList(i, i + 3));
        }
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(byCandidate, random);
            List<Observation> shuffled = byCandidate.stream().flatMap(List::stream).toList();
            assertThat(RobustRanking.rank(shuffled, PENALTY, LIMIT)).isEqualTo(expected);
        }
    }
}
