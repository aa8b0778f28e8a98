package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * regime_switch: a Markov chain over {@link MarketRegime}s, each moving as its own GBM.
 *
 * @param regimes       drift and volatility per regime, indexed by {@link MarketRegime#ordinal()}
 * @param transition    transition[i][j] = P(next = j | now = i); rows sum to 1
 * @param initialRegime the regime before the first bar
 */
public record RegimeSwitchParams(List<Regime> regimes, double[][] transition, MarketRegime initialRegime)
        implements FamilyParams {

    /** One regime's GBM: drift in bps per bar, sigma in bps per square root of a bar. */
    public record Regime(double drift, double sigma) {
    }

    /** How far a row's sum may be from 1: decimal probabilities such as 0.1 + 0.2 + 0.7 are not exact. */
    static final double ROW_SUM_TOLERANCE = 1e-9;

    public RegimeSwitchParams {
        regimes = List.copyOf(regimes);
        transition = Arrays.stream(transition).map(double[]::clone).toArray(double[][]::new);
    }

    static RegimeSwitchParams read(SpecReader reader, JsonNode params, String pointer) {
        Set<String> fields = new HashSet<>(List.of("transition", "initial_regime"));
        for (MarketRegime r : MarketRegime.values()) {
            fields.add(r.dslName());
        }
        reader.onlyFields(params, pointer, fields);

        List<Regime> regimes = new ArrayList<>();
        for (MarketRegime r : MarketRegime.values()) {
            String at = pointer + "/" + r.dslName();
            JsonNode node = reader.required(params, pointer, r.dslName());
            if (node != null && reader.isObject(node, at)) {
                reader.onlyFields(node, at, Set.of("drift", "sigma"));
                regimes.add(new Regime(reader.number(node, at, "drift", TrendParams.DRIFT),
                        reader.number(node, at, "sigma", TrendParams.SIGMA)));
            }
        }
        double[][] transition = readTransition(reader, params, pointer + "/transition");
        MarketRegime initial = null;
        String initialName = reader.text(params, pointer, "initial_regime");
        if (initialName != null) {
            initial = MarketRegime.of(initialName);
            if (initial == null) {
                reader.problem(pointer + "/initial_regime", "must be one of bull, bear, sideways");
            }
        }
        return reader.hasProblems() ? null : new RegimeSwitchParams(regimes, transition, initial);
    }

    private static double[][] readTransition(SpecReader reader, JsonNode params, String at) {
        JsonNode matrix = params.get("transition");
        int n = MarketRegime.values().length;
        if (matrix == null || !matrix.isArray() || matrix.size() != n) {
            reader.problem(at, "must be a " + n + "x" + n + " array of probabilities (rows bull, bear, sideways)");
            return null;
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            JsonNode row = matrix.get(i);
            if (!row.isArray() || row.size() != n) {
                reader.problem(at + "/" + i, "must be an array of " + n + " probabilities");
                continue;
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                out[i][j] = reader.number(row.get(j), at + "/" + i + "/" + j, ShockMixParams.PROBABILITY);
                sum += out[i][j];
            }
            if (!Double.isNaN(sum) && Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                reader.problem(at + "/" + i, "row must sum to 1, was " + CanonicalNumber.of(sum));
            }
        }
        return out;
    }

    public Regime regime(MarketRegime r) {
        return regimes.get(r.ordinal());
    }

    /** A copy of the transition matrix. */
    @Override
    public double[][] transition() {
        return Arrays.stream(transition).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public Family family() {
        return Family.REGIME_SWITCH;
    }

    @Override
    public PriceProcess process() {
        return new RegimeSwitchProcess(this);
    }
}
