package io.heliox.atlas.engine.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidates ranked by a robust score over several markets:
 * {@code score = worst Sharpe − penalty × max(0, worst max drawdown − limit)}. A strategy is
 * judged by the market that hurts it most, not by its average. Ties go to the lower worst
 * drawdown, then to the candidate id, so the ranking is a total order and does not depend on the
 * order the results arrived in.
 */
public final class RobustRanking {

    /** One candidate's result on one scenario. */
    public record Observation(String candidateId, String scenarioId, double sharpe, double maxDrawdown) {
    }

    /**
     * A candidate's place (1 = best) and what its score is made of.
     *
     * @param worstScenario the scenario of the worst Sharpe (the first one seen when several tie)
     */
    public record Ranked(int rank, String candidateId, double score, double worstSharpe, double worstMaxDrawdown,
                         String worstScenario) {
    }

    private static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::score).reversed()
            .thenComparingDouble(Ranked::worstMaxDrawdown).thenComparing(Ranked::candidateId);

    private RobustRanking() {
    }

    /**
     * @param mddPenalty       score lost per unit of drawdown beyond the limit
     * @param maxDrawdownLimit the drawdown (a fraction, 0.2 = 20 %) a candidate may reach unpenalised
     */
    public static List<Ranked> rank(List<Observation> observations, double mddPenalty, double maxDrawdownLimit) {
        Map<String, List<Observation>> byCandidate = new LinkedHashMap<>();
        for (Observation o : observations) {
            byCandidate.computeIfAbsent(o.candidateId(), id -> new ArrayList<>()).add(o);
        }
        List<Ranked> unranked = new ArrayList<>();
        byCandidate.forEach((id, own) -> {
            Observation worst = own.get(0);
            double worstMdd = own.get(0).maxDrawdown();
            for (Observation o : own.subList(1, own.size())) {
                // strictly lower, in Double.compare's order: of equal Sharpes the first seen stays
                if (Double.compare(o.sharpe(), worst.sharpe()) < 0) {
                    worst = o;
                }
                worstMdd = Math.max(worstMdd, o.maxDrawdown());
            }
            double score = worst.sharpe() - mddPenalty * Math.max(0, worstMdd - maxDrawdownLimit);
            unranked.add(new Ranked(0, id, score, worst.sharpe(), worstMdd, worst.scenarioId()));
        });
        unranked.sort(ORDER);
        List<Ranked> ranking = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Ranked r = unranked.get(i);
            ranking.add(new Ranked(i + 1, r.candidateId(), r.score(), r.worstSharpe(), r.worstMaxDrawdown(),
                    r.worstScenario()));
        }
        return List.copyOf(ranking);
    }
}
